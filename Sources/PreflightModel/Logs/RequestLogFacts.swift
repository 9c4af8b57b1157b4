/// Facts derived from the log samples; see LogEvidence for the items they serve.
public struct RequestLogFacts: Codable, Sendable, Equatable {
    public init() {}
}
