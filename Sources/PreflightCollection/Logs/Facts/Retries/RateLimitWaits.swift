import PreflightModel

/// B2: how long each retry after a rate-limit answer waited, sampled against the policy's backoff floor and
/// the Retry-After the answer gave (logged, or documented by the exchange). It measures; B2 words and judges.
struct RateLimitWaits {
    private var responses = CitedPositions()
    private var facts = RateLimitRetryFacts()
    private var early: [(position: LogPosition, wait: RateLimitRetryWait)] = []

    init(floorMs: Double) { facts.floorMs = floorMs }

    mutating func response(_ event: LogEvent, _ description: @autoclosure () -> String) {
        responses.record(event.position, description())
    }

    mutating func retry(after chain: RetryChain, attempt: Int, waitMs: Double, at position: LogPosition, exchange: Exchange) {
        facts.retries += 1
        facts.shortestWaitMs = min(facts.shortestWaitMs ?? waitMs, waitMs)
        let documented = chain.lastRetryAfterSeconds == nil
            ? DocumentedRetryAfter.seconds(status: chain.lastStatus, errorCode: chain.lastErrorCode, exchange: exchange)
            : nil
        if chain.lastRetryAfterSeconds != nil { facts.withLoggedRetryAfter += 1 } else if documented != nil { facts.withDocumentedRetryAfter += 1 }
        let retryAfterMs = (chain.lastRetryAfterSeconds ?? documented ?? 0) * 1000
        guard waitMs < max(facts.floorMs, retryAfterMs) else { return }
        facts.earlyCount += 1
        guard early.count < LogRecordTally.sampleLimit else { return }
        early.append((position, RateLimitRetryWait(
            location: SourceLocation(file: ""), attempt: attempt, waitMs: waitMs, previousResponse: chain.lastResponse,
            previousLine: chain.lastPosition.line, loggedRetryAfterSeconds: chain.lastRetryAfterSeconds,
            documentedRetryAfterSeconds: documented
        )))
    }

    func facts(in scan: LogScan) -> RateLimitRetryFacts {
        var facts = facts
        facts.responses = responses.tally(in: scan)
        facts.early = early.map { position, wait in
            var wait = wait
            wait.location = scan.location(of: position)
            return wait
        }
        return facts
    }
}
