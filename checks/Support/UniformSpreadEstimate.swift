import Foundation
import PreflightModel

/// How wide a jitter distribution is, judged from the range of a sample of its delays.
///
/// n delays drawn uniformly from an interval of width W have a range R with R/W ~ Beta(n-1, 2), whose
/// distribution function is F(x) = n·x^(n-1) − (n-1)·x^n. So R understates W (by (n-1)/(n+1) on
/// average), and a few delays say little: six draws from a full-jitter window of 1000 ms span less than
/// 715 ms about one time in four. The estimate corrects the bias; the upper bound is the widest W that
/// could still have produced a range this small with the given confidence. Too few delays leave the
/// bound far above the estimate, and the check says it cannot tell.
struct UniformSpreadEstimate: Equatable {
    var count: Int
    var rangeMs: Double
    /// Unbiased for a uniform distribution: R·(n+1)/(n-1).
    var estimateMs: Double
    /// W such that a range as small as R is less likely than 1 − confidence: W = R / x with F(x) = 1 − confidence.
    var upperBoundMs: Double

    static let confidence = 0.95

    init?(_ distribution: RetryDelayDistribution) {
        guard distribution.count >= 2 else { return nil }
        count = distribution.count
        rangeMs = max(0, distribution.maxMs - distribution.minMs)
        let n = Double(count)
        estimateMs = rangeMs * (n + 1) / (n - 1)
        upperBoundMs = rangeMs / Self.quantile(Self.rangeShareCDF(n:), 1 - Self.confidence, n: n)
    }

    /// F(x) for the range share x = R/W of n uniform draws.
    static func rangeShareCDF(n: Double) -> (Double) -> Double {
        { x in n * pow(x, n - 1) - (n - 1) * pow(x, n) }
    }

    /// The x in (0, 1] where `cdf` reaches `p`, by bisection (F rises monotonically on [0, 1]).
    static func quantile(_ cdf: (Double) -> (Double) -> Double, _ p: Double, n: Double) -> Double {
        let f = cdf(n)
        var low = 0.0, high = 1.0
        for _ in 0..<60 {
            let middle = (low + high) / 2
            if f(middle) < p { low = middle } else { high = middle }
        }
        return max(high, .leastNormalMagnitude)
    }
}
