/// The drill engaging the manifest's kill switch: how, whether it could, and the orders that reached the
/// stand-in after it.
public struct DrillKillSwitchRun: Codable, Sendable, Equatable {
    public static let placementLimit = 50

    public var phase: String
    /// flag_file, admin_endpoint, signal, chat_command or redeploy (as declared).
    public var kind: String
    public var target: String
    /// The kill_switch_engage line; nil when it could not be engaged (`failure` says why).
    public var engaged: SourceLocation?
    public var failure: String?
    public var released: SourceLocation?
    public var releaseFailure: String?
    /// Seconds from engaging to each order placement that reached the stand-in after it, in the phase.
    public var placementsAfterSeconds: [Double]
    public var placementLocations: [SourceLocation]
    /// Seconds from the last placement before engaging to the engaging; nil when there was none.
    public var lastPlacementBeforeSeconds: Double?
    /// Seconds the switch stayed engaged.
    public var engagedSeconds: Double

    public init(
        phase: String, kind: String, target: String, engaged: SourceLocation? = nil, failure: String? = nil,
        released: SourceLocation? = nil, releaseFailure: String? = nil, placementsAfterSeconds: [Double] = [],
        placementLocations: [SourceLocation] = [], lastPlacementBeforeSeconds: Double? = nil, engagedSeconds: Double = 0
    ) {
        self.phase = phase
        self.kind = kind
        self.target = target
        self.engaged = engaged
        self.failure = failure
        self.released = released
        self.releaseFailure = releaseFailure
        self.placementsAfterSeconds = placementsAfterSeconds
        self.placementLocations = placementLocations
        self.lastPlacementBeforeSeconds = lastPlacementBeforeSeconds
        self.engagedSeconds = engagedSeconds
    }
}
