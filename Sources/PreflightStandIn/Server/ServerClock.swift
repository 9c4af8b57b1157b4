#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOConcurrencyHelpers

/// The stand-in's clock: the local wall clock shifted by a skew, which a `clock_skew` fault steps.
final class ServerClock: Sendable {
    private let skew: NIOLockedValueBox<Int64>

    init(skewMs: Int) {
        skew = NIOLockedValueBox(Int64(skewMs))
    }

    var skewMs: Int64 {
        get { skew.withLockedValue { $0 } }
        set { skew.withLockedValue { $0 = newValue } }
    }

    /// The local wall clock, unskewed, in nanoseconds since the Unix epoch.
    static func wallNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Server time in nanoseconds since the Unix epoch.
    func nowNanoseconds() -> Int64 { Self.wallNanoseconds() + skewMs * 1_000_000 }

    func nowMilliseconds() -> Int64 { nowNanoseconds() / 1_000_000 }
}
