import PreflightModel

/// Derives one group of facts from the event stream, in one pass, in bounded memory.
/// Builders keep `LogPosition`s while streaming and turn them into file:line at `finish`.
protocol LogFactsBuilder {
    associatedtype Facts
    init(context: LogFactsContext)
    mutating func consume(_ event: LogEvent)
    func finish(scan: LogScan) -> Facts
}

/// What a builder may need besides the events: the exchange (error codes, sequence fields) and the policy.
struct LogFactsContext: Sendable {
    var exchange: Exchange
    var policy: Policy
    var manifest: Manifest
}
