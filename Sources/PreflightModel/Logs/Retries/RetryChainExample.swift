/// One request's retry chain: how many attempts it made, on which endpoint, and where its last attempt is.
public struct RetryChainExample: Codable, Sendable, Equatable {
    public var attempts: Int
    public var endpoint: String?
    /// The chain's last attempt in the logs.
    public var location: SourceLocation

    public init(attempts: Int, endpoint: String?, location: SourceLocation) {
        self.attempts = attempts
        self.endpoint = endpoint
        self.location = location
    }
}
