import PreflightModel

/// Everything besides the evidence that shapes a report. `audit` and `evaluate` take the same options,
/// so the same evidence gives the same report either way.
public struct EvaluationOptions: Sendable {
    public var selection: Selection
    public var gate: GateOptions
    /// Suppressions from a separate file, applied after the manifest's own.
    public var extraSuppressions: [Suppression]
    /// `--no-suppressions`: every finding counts, for audits.
    public var ignoreSuppressions: Bool
    public var baseline: Baseline?
    /// `--require-observed`: a pass resting only on declared evidence becomes a warn where observed evidence exists for the item.
    public var requireObserved: Bool

    public init(
        selection: Selection = .all, gate: GateOptions = GateOptions(), extraSuppressions: [Suppression] = [],
        ignoreSuppressions: Bool = false, baseline: Baseline? = nil, requireObserved: Bool = false
    ) {
        self.selection = selection
        self.gate = gate
        self.extraSuppressions = extraSuppressions
        self.ignoreSuppressions = ignoreSuppressions
        self.baseline = baseline
        self.requireObserved = requireObserved
    }
}
