/// B2: the retries that followed a 429, 418 or the exchange's rate-limit code, and how long each waited.
public struct RateLimitRetryFacts: Codable, Sendable, Equatable {
    public var responses = LogRecordTally()
    public var retries = 0
    /// Of the retries, those whose rate-limit answer logged its Retry-After, and those where the logs did not but
    /// the exchange documents a fixed wait for that answer. The rest could be held to the floor only.
    public var withLoggedRetryAfter = 0
    public var withDocumentedRetryAfter = 0
    /// The backoff floor the waits were sampled against (the policy's backoff_floor_ms).
    public var floorMs = 0.0
    /// Retries that waited less than max(Retry-After, floor), with the first few of them.
    public var earlyCount = 0
    public var early: [RateLimitRetryWait] = []
    public var shortestWaitMs: Double?

    public init() {}

    /// Retries whose Retry-After is known (logged, or documented by the exchange).
    public var withKnownRetryAfter: Int { withLoggedRetryAfter + withDocumentedRetryAfter }
}

/// One retry after a rate-limit answer, as measured: where, which attempt, how long it waited, after what.
public struct RateLimitRetryWait: Codable, Sendable, Equatable {
    public var location: SourceLocation
    public var attempt: Int
    public var waitMs: Double
    /// What the attempt before got (`HTTP 429`, `code -1003`) and the line it is on.
    public var previousResponse: String
    public var previousLine: Int
    /// The Retry-After the previous answer logged, in seconds; else what the exchange documents for it.
    public var loggedRetryAfterSeconds: Double?
    public var documentedRetryAfterSeconds: Double?

    public init(
        location: SourceLocation, attempt: Int, waitMs: Double, previousResponse: String, previousLine: Int,
        loggedRetryAfterSeconds: Double?, documentedRetryAfterSeconds: Double?
    ) {
        self.location = location
        self.attempt = attempt
        self.waitMs = waitMs
        self.previousResponse = previousResponse
        self.previousLine = previousLine
        self.loggedRetryAfterSeconds = loggedRetryAfterSeconds
        self.documentedRetryAfterSeconds = documentedRetryAfterSeconds
    }
}
