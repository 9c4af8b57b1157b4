/// Facts derived from the log samples; see LogEvidence for the items they serve.
public struct RetryLogFacts: Codable, Sendable, Equatable {
    public init() {}
}
