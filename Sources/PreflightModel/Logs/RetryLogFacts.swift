/// What the logs show about retries (B2, B3, B4, C1, C2, C3, C4), one part per rule. Attempts of one request are
/// linked by request id, else client order id, else endpoint + method with increasing `attempt`; a failed
/// attempt's class (rate limit, auth, platform, validation) comes from the status and the exchange's codes.
public struct RetryLogFacts: Codable, Sendable, Equatable {
    public var attempts = RetryAttemptFacts()
    public var rateLimit = RateLimitRetryFacts()
    /// B4: delays before each attempt number (2, 3, …) across chains; retries that followed a Retry-After are left out.
    public var delaysByAttempt: [RetryDelayDistribution] = []
    public var auth = AuthFailureFacts()
    /// C2: per source that held a rate-limit episode, in reading order.
    public var backpressureBySource: [RateLimitBackpressure] = []
    public var backpressureWindowSeconds = 0.0
    public var platform = PlatformFailureFacts()
    public var validation = ValidationFailureFacts()
    /// escalation, kill_switch and circuit_breaker (opening) records, and how long after a failure one may come.
    public var escalationRecords = 0
    public var escalationWindowSeconds = 0.0

    public init() {}

    /// C2 summed over the given sources (all when nil).
    public func backpressure(in files: Set<String>? = nil) -> RateLimitBackpressure {
        .total(backpressureBySource.filter { part in files.map { part.file.map($0.contains) ?? false } ?? true })
    }
}
