/// What makes the gate fail.
public struct GateOptions: Codable, Sendable, Equatable {
    public enum FailLevel: String, Codable, Sendable, CaseIterable {
        /// Any unsuppressed fail or error finding fails the gate.
        case fail
        /// Warnings fail it too.
        case warn
        /// Findings never fail it (score and coverage minimums still apply).
        case never
    }

    public var failOn: FailLevel
    public var minScore: Double?
    /// Percent of the selected items that must be evaluated (pass, warn or fail). Whatever it is, a run
    /// that evaluated nothing fails the gate.
    public var minCoverage: Double?

    /// Half the checklist: a report that could judge less than that says too little to pass a gate.
    public static let defaultMinCoverage: Double = 50

    public init(failOn: FailLevel = .fail, minScore: Double? = nil, minCoverage: Double? = defaultMinCoverage) {
        self.failOn = failOn
        self.minScore = minScore
        self.minCoverage = minCoverage
    }

    func trips(_ status: Status) -> Bool {
        switch failOn {
        case .never: false
        case .fail: status == .fail || status == .error
        case .warn: status == .fail || status == .error || status == .warn
        }
    }
}

import PreflightModel
