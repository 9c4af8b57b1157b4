#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The mock exchange's clock: the local wall clock shifted by the configured skew.
struct ServerClock: Sendable {
    let skewMs: Int

    /// Server time in nanoseconds since the Unix epoch.
    func nowNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) + Int64(skewMs) * 1_000_000
    }

    func nowMilliseconds() -> Int64 { nowNanoseconds() / 1_000_000 }
}
