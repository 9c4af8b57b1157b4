public struct CircuitBreakersSection: Codable, Sendable {
    public struct Breaker: Codable, Sendable {
        public var location: SourceLocation
        /// Consecutive failures that open the breaker.
        public var failureThreshold: Located<Int>?
        public var cooldownSeconds: Located<Int>?

        public init(location: SourceLocation) {
            self.location = location
        }
    }

    public var auth: Breaker?
    public var rateLimit: Breaker?
    public var platform: Breaker?

    public init() {}
}
