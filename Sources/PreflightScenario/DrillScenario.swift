import PreflightModel

/// A drill's timeline: phases, each a fault (or none) armed for a window in which the bot's reaction is
/// judged. Versioned YAML (`version: 1`); see `DrillScenarioLoader` and README's "Scenarios".
public struct DrillScenario: Sendable, Equatable {
    public static let currentVersion = 1

    /// Binance's default request weight per minute; an account tier or a load test may ask for another.
    public static let defaultWeightPerMinute = 6000

    public var name: String
    public var phases: [DrillPhase]
    /// The stand-in's request-weight limit (`weight_per_minute`): over it, 429 and then 418 as on Binance.
    public var weightPerMinute: Int

    public init(name: String, phases: [DrillPhase], weightPerMinute: Int = DrillScenario.defaultWeightPerMinute) {
        self.name = name
        self.phases = phases
        self.weightPerMinute = weightPerMinute
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
