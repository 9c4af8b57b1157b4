import PreflightModel

/// A drill's timeline: phases, each a fault (or none) armed for a window in which the bot's reaction is
/// judged. Versioned YAML (`version: 1`); see `DrillScenarioLoader` and README's "Scenarios".
public struct DrillScenario: Sendable, Equatable {
    public static let currentVersion = 1

    public var name: String
    public var phases: [DrillPhase]

    public init(name: String, phases: [DrillPhase]) {
        self.name = name
        self.phases = phases
    }

    /// Seconds from the start until the last phase's window closes.
    public var duration: Double { phases.map { $0.atSeconds + $0.windowSeconds }.max() ?? 0 }
}

/// One phase: when it starts, how long its window lasts, what it injects.
public struct DrillPhase: Sendable, Equatable {
    public var name: String
    public var atSeconds: Double
    public var windowSeconds: Double
    public var faults: [InjectedFault]

    public init(name: String, atSeconds: Double, windowSeconds: Double, faults: [InjectedFault]) {
        self.name = name
        self.atSeconds = atSeconds
        self.windowSeconds = windowSeconds
        self.faults = faults
    }
}
