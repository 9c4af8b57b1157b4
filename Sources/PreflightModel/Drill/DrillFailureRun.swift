/// One failure class under a drill phase, as the wire saw it: when the stand-in answered that class with a
/// failure and when the bot sent requests of the class, in ms from the phase's start. A breaker that opened
/// shows as a silence after the threshold's failure.
public struct DrillFailureRun: Codable, Sendable, Equatable {
    /// The breaker class: `auth` (signed requests; -2015, -2014, -1022, 401), `rate_limit` (every request;
    /// 429, 418) or `platform` (every request; 5xx, -1007).
    public var failureClass: String
    public var phase: String
    /// The phase's first wire line, for the citation.
    public var location: SourceLocation
    public var phaseSeconds: Double
    /// At most `limit` of each.
    public var failuresAtMs: [Int]
    public var failureLocations: [SourceLocation]
    public var requestsAtMs: [Int]

    public static let limit = 2000

    public init(
        failureClass: String, phase: String, location: SourceLocation, phaseSeconds: Double, failuresAtMs: [Int],
        failureLocations: [SourceLocation], requestsAtMs: [Int]
    ) {
        self.failureClass = failureClass
        self.phase = phase
        self.location = location
        self.phaseSeconds = phaseSeconds
        self.failuresAtMs = failuresAtMs
        self.failureLocations = failureLocations
        self.requestsAtMs = requestsAtMs
    }
}
