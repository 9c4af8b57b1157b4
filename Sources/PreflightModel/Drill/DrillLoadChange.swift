/// The bot's load around a rate-limit answer, seen on the wire: requests in a window before the phase's
/// first 429 or 418 and in as long a window after it (at most 10 s, no more than the drill had run before).
public struct DrillLoadChange: Codable, Sendable, Equatable {
    public var phase: String
    /// The wire line of the first rate-limit answer.
    public var location: SourceLocation
    public var windowSeconds: Double
    public var requestsBefore: Int
    public var requestsAfter: Int

    public init(phase: String, location: SourceLocation, windowSeconds: Double, requestsBefore: Int, requestsAfter: Int) {
        self.phase = phase
        self.location = location
        self.windowSeconds = windowSeconds
        self.requestsBefore = requestsBefore
        self.requestsAfter = requestsAfter
    }
}
