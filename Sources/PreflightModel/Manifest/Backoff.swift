/// How a bot waits between attempts: used for request retries and for stream reconnects.
public struct Backoff: Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable, ManifestSpelling {
        case exponential, linear, constant, none
        /// Grows with the square of the attempt number (freqtrade's retrier).
        case quadratic
    }

    public enum Jitter: String, Codable, Sendable, CaseIterable, ManifestSpelling {
        /// A delay drawn between 0 and the exponential ceiling.
        case full
        /// Half the ceiling plus a random half.
        case equal
        /// Drawn between the base and three times the previous delay.
        case decorrelated
        /// The computed delay plus or minus `jitter_ms`.
        case uniform
        case none
    }

    public var kind: Located<Kind>?
    public var baseMs: Located<Int>?
    public var maxMs: Located<Int>?
    public var jitter: Located<Jitter>?
    public var jitterMs: Located<Int>?

    public init() {}

    /// How far apart two delays for the same attempt can land, in ms; `nil` when it cannot be worked out.
    public var jitterSpreadMs: Int? {
        guard let jitter = jitter?.value else { return jitterMs.map { $0.value * 2 } }
        switch jitter {
        case .none: return 0
        case .uniform: return jitterMs.map { $0.value * 2 }
        case .full: return baseMs?.value
        case .equal: return baseMs.map { $0.value / 2 }
        case .decorrelated: return baseMs.map { $0.value * 2 }
        }
    }
}
