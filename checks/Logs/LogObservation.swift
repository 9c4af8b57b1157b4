import PreflightModel

/// What the logs showed for an item that also reads a manifest section (B5, D1, D2, D3, D4): whether they
/// show the rule broken, and how to word what they measured.
protocol LogObservation {
    var hasProblems: Bool { get }
    var summary: String { get }
    var measured: String { get }
}

extension LogObservation {
    /// The section is not declared: only problems the logs show can decide (they fail, `judge` says how);
    /// otherwise the item is unknown, `missing` naming what was not declared and the logs' summary after it.
    static func undeclared(
        _ observed: Self?, missing: String, expected: String, evidence: [EvidenceRef] = [], remediation: String,
        judge: (Self, inout Assessment) -> Void
    ) -> Finding {
        if let observed, observed.hasProblems {
            var assessment = Assessment()
            judge(observed, &assessment)
            return assessment.finding(pass: "", measured: observed.measured, expected: expected)
        }
        return .unknown("\(missing) and \(observed?.summary ?? MissingEvidence.logs)", evidence: evidence, remediation: remediation)
    }
}
