/// The delays measured before one attempt number across all retry chains (attempt 2 is the first retry).
/// A delay runs from the failed attempt's record to the next attempt's start (its record time minus its latency).
public struct RetryDelayDistribution: Codable, Sendable, Equatable {
    public var attempt: Int
    public var count: Int
    public var minMs: Double
    public var maxMs: Double
    /// From a bounded, deterministic sample of the delays (exact up to the sample size).
    public var medianMs: Double
    public var examples: [SourceLocation]

    public init(attempt: Int, count: Int, minMs: Double, maxMs: Double, medianMs: Double, examples: [SourceLocation] = []) {
        self.attempt = attempt
        self.count = count
        self.minMs = minMs
        self.maxMs = maxMs
        self.medianMs = medianMs
        self.examples = examples
    }
}
