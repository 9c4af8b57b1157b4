/// What the logs show about retries (B2, B3, B4, C1, C2, C3, C4). Attempts of one request are linked
/// by request id, else client order id, else endpoint + method with increasing `attempt`; a failed
/// attempt's class (rate limit, auth, platform, validation) comes from the status and the exchange's codes.
public struct RetryLogFacts: Codable, Sendable, Equatable {
    /// Request records seen: api_request, order_submit, order_cancel.
    public var requests: Int
    /// Request records that carried an attempt number, request id or client order id, so retries can be linked.
    public var linkableRequests: Int
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
    /// Auth failures with no escalation, kill_switch or open circuit_breaker record within `escalationWindowSeconds`.
    public var authFailuresWithoutEscalation: LogRecordTally
    /// Auth failures too close to the end of the logs to tell whether an escalation followed.
    public var authFailuresUndecided: Int

    // C2
    /// Rate-limit episodes (a 429 and the ones that follow within the window) whose request rate could be compared.
    public var rateLimitEpisodesJudged: Int
    /// Episodes after which the bot sent fewer requests, or had fewer in flight, than before.
    public var rateLimitEpisodesShed: Int
    public var rateLimitEpisodesNotShed: LogRecordTally
    /// Episodes too close to either end of the logs, or with too little traffic before them, to compare.
    public var rateLimitEpisodesUndecided: Int
    public var backpressureWindowSeconds: Double
    /// Summed over the judged episodes: api_requests in the window before each rate-limit response and after it.
    public var requestsBeforeRateLimit: Int
    public var requestsAfterRateLimit: Int
    /// The mean logged in-flight count in those windows, when records carry it.
    public var meanInflightBeforeRateLimit: Double?
    public var meanInflightAfterRateLimit: Double?

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
        chains = 0
        retriedChains = 0
        attemptsHistogram = [:]
        mostAttempts = []
        rateLimitResponses = LogRecordTally()
        retriesAfterRateLimit = 0
        earlyRetriesAfterRateLimit = LogRecordTally()
        backoffFloorMs = 0
        shortestWaitAfterRateLimitMs = nil
        delaysByAttempt = []
        authFailures = LogRecordTally()
        retriesAfterAuthFailure = LogRecordTally()
        authFailuresWithoutEscalation = LogRecordTally()
        authFailuresUndecided = 0
        rateLimitEpisodesJudged = 0
        rateLimitEpisodesShed = 0
        rateLimitEpisodesNotShed = LogRecordTally()
        rateLimitEpisodesUndecided = 0
        backpressureWindowSeconds = 0
        requestsBeforeRateLimit = 0
        requestsAfterRateLimit = 0
        meanInflightBeforeRateLimit = nil
        meanInflightAfterRateLimit = nil
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

    /// The most attempts any request made.
    public var maxAttempts: Int { mostAttempts.first?.attempts ?? (chains > 0 ? 1 : 0) }

    /// Chains with more than `limit` attempts.
    public func chains(over limit: Int, in histogram: [Int: Int]? = nil) -> Int {
        (histogram ?? attemptsHistogram).filter { $0.key > limit }.values.reduce(0, +)
    }
}
