/// How the bot answered one kind of provocation, seen on the wire: for each time the stand-in provoked it
/// (a gap in a depth stream, a clock step that rejected a signed request), whether the request a careful
/// bot sends next (a depth snapshot, a server-time query) came, and how soon.
public struct DrillReaction: Codable, Sendable, Equatable {
    public struct Trigger: Codable, Sendable, Equatable {
        public var phase: String
        /// The wire line of the provocation.
        public var location: SourceLocation
        /// The wire line of the reaction; nil when none came within `withinSeconds`.
        public var reactionLocation: SourceLocation?
        public var reactionSeconds: Double?
        /// For a snapshot: the levels it asked for.
        public var requestedItems: Int?

        public init(
            phase: String, location: SourceLocation, reactionLocation: SourceLocation? = nil, reactionSeconds: Double? = nil,
            requestedItems: Int? = nil
        ) {
            self.phase = phase
            self.location = location
            self.reactionLocation = reactionLocation
            self.reactionSeconds = reactionSeconds
            self.requestedItems = requestedItems
        }
    }

    /// The fault that provoked it (`sequence_gap`, `clock_skew`).
    public var fault: String
    /// The request that counts as the reaction, as a method and path (`GET /api/v3/depth`).
    public var reaction: String
    public var withinSeconds: Double
    public var triggers: [Trigger]

    public init(fault: String, reaction: String, withinSeconds: Double, triggers: [Trigger]) {
        self.fault = fault
        self.reaction = reaction
        self.withinSeconds = withinSeconds
        self.triggers = triggers
    }

    public var missed: [Trigger] { triggers.filter { $0.reactionLocation == nil } }
}
