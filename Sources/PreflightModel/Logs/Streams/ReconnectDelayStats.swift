/// Reconnect delays observed for one attempt number (1 = the first attempt after a disconnect),
/// over every reconnect episode of every stream.
public struct ReconnectDelayStats: Codable, Sendable, Equatable {
    public var attempt: Int
    public var count: Int
    public var minMs: Double
    public var maxMs: Double
    public var sumMs: Double
    public var example: SourceLocation?

    public init(attempt: Int, count: Int = 0, minMs: Double = 0, maxMs: Double = 0, sumMs: Double = 0,
                example: SourceLocation? = nil) {
        self.attempt = attempt
        self.count = count
        self.minMs = minMs
        self.maxMs = maxMs
        self.sumMs = sumMs
        self.example = example
    }

    public var meanMs: Double { count == 0 ? 0 : sumMs / Double(count) }
    /// How far apart delays for the same attempt landed: jitter shows here.
    public var spreadMs: Double { maxMs - minMs }
}
