/// What the logs show about retries (B2, B3, B4, C1, C2, C3, C4). Attempts of one request are linked
/// by request id, else client order id, else endpoint + method with increasing `attempt`; a failed
/// attempt's class (rate limit, auth, platform, validation) comes from the status and the exchange's codes.
public struct RetryLogFacts: Codable, Sendable, Equatable {
    /// Request records seen: api_request, order_submit, order_cancel.
    public var requests: Int
    /// Request records that carried an attempt number, request id or client order id, so retries can be linked.
    public var linkableRequests: Int
    /// Request records whose attempt number was worked out from a countdown of retries left (freqtrade's
    /// "Retrying still for N times"): such numbers are lower bounds.
    public var countdownNumberedRequests: Int
    /// Distinct requests (retry chains, single attempts included) and how many of them were retried.
    public var chains: Int
    public var retriedChains: Int
    /// Chains by their number of attempts (the attempt field when it is higher than the attempts seen);
    /// the last key counts `attemptsHistogramCap` or more.
    public var attemptsHistogram: [Int: Int]
    /// The chains with the most attempts, most first.
    public var mostAttempts: [RetryChainExample]

    // B2
    /// Responses that were a 429, 418 or the exchange's rate-limit code.
    public var rateLimitResponses: LogRecordTally
    public var retriesAfterRateLimit: Int
    /// Of those, the retries whose rate-limit answer logged its Retry-After, and those where the logs did not
    /// but the exchange documents a fixed wait for that answer. The rest could be held to the floor only.
    public var retriesWithLoggedRetryAfter: Int
    public var retriesWithDocumentedRetryAfter: Int
    /// Retries after a rate-limit response sooner than max(Retry-After, backoffFloorMs).
    public var earlyRetriesAfterRateLimit: LogRecordTally
    /// The floor the early retries were measured against (the policy's backoff_floor_ms).
    public var backoffFloorMs: Double
    /// The shortest wait before a retry after a rate-limit response.
    public var shortestWaitAfterRateLimitMs: Double?

    // B4
    /// Delays before each attempt number (2, 3, …) across chains; retries that followed a Retry-After are left out.
    public var delaysByAttempt: [RetryDelayDistribution]

    // C1
    public var authFailures: LogRecordTally
    public var retriesAfterAuthFailure: LogRecordTally
    /// The one re-signed re-send after a timestamp rejection, made after a fresh query of the exchange's
    /// server time: the documented remedy, not counted as a retry (the escalation is still required).
    public var timestampRemedyResends: LogRecordTally
    /// Auth failures with no escalation, kill_switch or open circuit_breaker record within `escalationWindowSeconds`.
    public var authFailuresWithoutEscalation: LogRecordTally
    /// Auth failures too close to the end of the logs to tell whether an escalation followed.
    public var authFailuresUndecided: Int

    // C2
    /// Per source that held a rate-limit episode, in reading order.
    public var backpressureBySource: [RateLimitBackpressure]
    public var backpressureWindowSeconds: Double

    // C3
    /// 5xx, 408 and timeout responses (and the exchange's platform codes).
    public var platformFailures: LogRecordTally
    public var retriesAfterPlatformFailure: Int
    /// Chains that met a platform failure, by number of attempts.
    public var platformChainAttempts: [Int: Int]
    public var mostAttemptsAfterPlatformFailure: [RetryChainExample]
    /// Chains whose last attempt failed with a platform error, and how many were followed by an escalation.
    public var platformChainsGivenUp: Int
    public var platformChainsEscalated: Int
    public var platformChainsWithoutEscalation: LogRecordTally
    public var platformChainsUndecided: Int
    /// Order placements that timed out or got a 5xx: their outcome is unknown.
    public var unknownOutcomeOrders: LogRecordTally
    /// Re-sends of such an order under a new client order id (double-order risk), under the same one, or after a status query.
    public var resentUnderNewID: LogRecordTally
    public var resentUnderSameID: Int
    public var statusQueriedFirst: Int

    // C4
    public var validationFailures: LogRecordTally
    public var retriesAfterValidationFailure: LogRecordTally

    /// escalation, kill_switch and circuit_breaker (opening) records.
    public var escalationRecords: Int
    public var escalationWindowSeconds: Double

    public static let attemptsHistogramCap = 16

    public init() {
        requests = 0
        linkableRequests = 0
        countdownNumberedRequests = 0
        chains = 0
        retriedChains = 0
        attemptsHistogram = [:]
        mostAttempts = []
        rateLimitResponses = LogRecordTally()
        retriesAfterRateLimit = 0
        retriesWithLoggedRetryAfter = 0
        retriesWithDocumentedRetryAfter = 0
        earlyRetriesAfterRateLimit = LogRecordTally()
        backoffFloorMs = 0
        shortestWaitAfterRateLimitMs = nil
        delaysByAttempt = []
        authFailures = LogRecordTally()
        retriesAfterAuthFailure = LogRecordTally()
        timestampRemedyResends = LogRecordTally()
        authFailuresWithoutEscalation = LogRecordTally()
        authFailuresUndecided = 0
        backpressureBySource = []
        backpressureWindowSeconds = 0
        platformFailures = LogRecordTally()
        retriesAfterPlatformFailure = 0
        platformChainAttempts = [:]
        mostAttemptsAfterPlatformFailure = []
        platformChainsGivenUp = 0
        platformChainsEscalated = 0
        platformChainsWithoutEscalation = LogRecordTally()
        platformChainsUndecided = 0
        unknownOutcomeOrders = LogRecordTally()
        resentUnderNewID = LogRecordTally()
        resentUnderSameID = 0
        statusQueriedFirst = 0
        validationFailures = LogRecordTally()
        retriesAfterValidationFailure = LogRecordTally()
        escalationRecords = 0
        escalationWindowSeconds = 0
    }

    /// Retries after a rate-limit answer whose Retry-After is known (logged, or documented by the exchange).
    public var retriesWithKnownRetryAfter: Int { retriesWithLoggedRetryAfter + retriesWithDocumentedRetryAfter }

    /// C2 summed over the given sources (all when nil).
    public func backpressure(in files: Set<String>? = nil) -> RateLimitBackpressure {
        .total(backpressureBySource.filter { part in files.map { part.file.map($0.contains) ?? false } ?? true })
    }

    /// The most attempts any request made.
    public var maxAttempts: Int { mostAttempts.first?.attempts ?? (chains > 0 ? 1 : 0) }

    /// Chains with more than `limit` attempts.
    public func chains(over limit: Int, in histogram: [Int: Int]? = nil) -> Int {
        (histogram ?? attemptsHistogram).filter { $0.key > limit }.values.reduce(0, +)
    }
}
