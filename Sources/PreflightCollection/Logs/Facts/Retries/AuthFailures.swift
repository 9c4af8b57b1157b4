import PreflightModel

/// C1: auth failures, the retries after them, and the one re-send a timestamp rejection allows after a fresh
/// measurement of the exchange's time.
struct AuthFailures {
    private var failures = CitedPositions()
    private var retries = CitedPositions()
    private var remedies = CitedPositions()
    private var withoutEscalation = CitedPositions()
    private var undecided = 0
    /// The latest query of the exchange's server time.
    private var lastTimeQuery: LogInstant?
    private let timestampCodes: Set<String>

    init(exchange: Exchange) { timestampCodes = TimestampRejectionCodes.codes(for: exchange) }

    mutating func failure(_ event: LogEvent, _ description: @autoclosure () -> String) {
        failures.record(event.position, description())
    }

    mutating func timeQueried(at time: LogInstant) { lastTimeQuery = time }

    /// The next attempt after an auth failure: a retry, unless it is the allowed timestamp remedy.
    /// Returns true for the remedy, which still owes its escalation.
    mutating func retry(_ chain: inout RetryChain, attempt: Int, at position: LogPosition, after previous: String) -> Bool {
        if allowsTimestampRemedy(chain) {
            chain.timestampRemedyUsed = true
            remedies.record(position, "attempt \(attempt) re-signed after a fresh server-time query, \(previous)")
            return true
        }
        retries.record(position, "attempt \(attempt) \(previous)")
        return false
    }

    /// A record that says the failed call is retried, though the retry itself is not logged.
    mutating func announcedRetry(at position: LogPosition, _ detail: String) { retries.record(position, detail) }

    mutating func missedEscalation(at position: LogPosition, _ detail: String) { withoutEscalation.record(position, detail) }

    mutating func undecidedEscalation() { undecided += 1 }

    private func allowsTimestampRemedy(_ chain: RetryChain) -> Bool {
        guard !chain.timestampRemedyUsed, let code = chain.lastErrorCode,
              timestampCodes.contains(TimestampRejectionCodes.normalised(code)),
              let query = lastTimeQuery else { return false }
        return query > chain.lastTime
    }

    func facts(in scan: LogScan) -> AuthFailureFacts {
        var facts = AuthFailureFacts()
        facts.failures = failures.tally(in: scan)
        facts.retries = retries.tally(in: scan)
        facts.timestampRemedyResends = remedies.tally(in: scan)
        facts.withoutEscalation = withoutEscalation.tally(in: scan)
        facts.undecided = undecided
        return facts
    }
}
