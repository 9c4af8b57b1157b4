/// A moment read from a log record, in nanoseconds since the Unix epoch (UTC).
public struct LogInstant: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// nil unless the milliseconds are finite and within what 64-bit nanoseconds hold.
    public init?(milliseconds: Double) {
        guard let nanoseconds = Int64(exactly: (milliseconds * 1_000_000).rounded()) else { return nil }
        self.nanoseconds = nanoseconds
    }

    public var milliseconds: Double { Double(nanoseconds) / 1_000_000 }

    /// Milliseconds from `earlier` to this instant (negative when `earlier` is later).
    public func milliseconds(since earlier: LogInstant) -> Double {
        Double(nanoseconds &- earlier.nanoseconds) / 1_000_000
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    public var description: String { "\(nanoseconds)ns" }
}
