/// The catalog entry for one checklist item: what it asks, why, the rule, and the fix.
public struct CheckItem: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var section: Section
    public var severity: Severity
    /// The checklist wording, in our own words.
    public var summary: String
    public var rationale: String
    /// The rule with its default thresholds.
    public var rule: String
    /// The general fix; findings add the specific one.
    public var remediation: String
    public var evidenceSources: [SourceKind]
    public var references: [String]
    /// The fix for a bot that runs on a framework, by framework name (`freqtrade`): the framework's own settings,
    /// or what it has built in and must be accepted as a risk. It replaces the fix worded for preflight.yml keys,
    /// which a framework's user does not have.
    public var frameworkRemediation: [String: String]

    public init(
        id: String, name: String, section: Section, severity: Severity, summary: String,
        rationale: String, rule: String, remediation: String, evidenceSources: [SourceKind],
        references: [String], frameworkRemediation: [String: String] = [:]
    ) {
        self.id = id
        self.name = name
        self.section = section
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.rule = rule
        self.remediation = remediation
        self.evidenceSources = evidenceSources
        self.references = references
        self.frameworkRemediation = frameworkRemediation
    }
}
