/// What a drill did to the bot itself rather than on the wire: crashes and restarts, the kill switch,
/// and the health endpoint's answers meanwhile.
public struct DrillProcessFaults: Codable, Sendable, Equatable {
    public var restarts: [DrillRestart]
    public var killSwitch: [DrillKillSwitchRun]
    /// nil when the manifest declares no health endpoint.
    public var health: DrillHealthRecord?

    public init(restarts: [DrillRestart] = [], killSwitch: [DrillKillSwitchRun] = [], health: DrillHealthRecord? = nil) {
        self.restarts = restarts
        self.killSwitch = killSwitch
        self.health = health
    }
}
