public struct RetrySection: Codable, Sendable {
    /// Attempts per request, the first one included.
    public var maxAttempts: Located<Int>?
    public var backoff: Backoff?
    /// Whether a 429/418 waits at least as long as the exchange's Retry-After.
    public var respectRetryAfter: Located<Bool>?

    public init() {}
}
