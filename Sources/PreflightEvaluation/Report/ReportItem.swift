import PreflightModel

/// One checklist item in a report: the catalog entry, the finding, and whether it is suppressed.
public struct ReportItem: Codable, Sendable, Equatable {
    public struct SuppressionState: Codable, Sendable, Equatable {
        public var reason: String
        public var owner: String?
        public var expires: String?
        public var expired: Bool
        public var location: SourceLocation
    }

    public enum BaselineState: String, Codable, Sendable {
        /// Not in the baseline: this finding can fail the gate.
        case new
        /// Already in the baseline: reported, but it does not fail the gate.
        case unchanged
    }

    public var id: String
    public var name: String
    public var section: String
    public var sectionTitle: String
    public var severity: Severity
    public var status: Status
    public var suppressed: Bool
    public var suppression: SuppressionState?
    /// Set only when the run compares against a baseline.
    public var baseline: BaselineState?
    public var summary: String
    public var details: [String]
    /// observed, declared, or none: what kind of evidence the verdict rests on.
    public var basis: EvidenceBasis
    public var sources: [SourceKind]
    public var evidence: [EvidenceRef]
    public var measured: String?
    public var expected: String?
    public var remediation: String?

    enum CodingKeys: String, CodingKey {
        case id, name, section, sectionTitle = "section_title", severity, status, suppressed, suppression, baseline, summary,
             details, basis, sources, evidence, measured, expected, remediation
    }

    init(item: CheckItem, finding: Finding, suppression: SuppressionState?) {
        id = item.id
        name = item.name
        section = item.section.rawValue
        sectionTitle = item.section.title
        severity = item.severity
        status = finding.status
        self.suppression = suppression
        suppressed = suppression.map { !$0.expired } ?? false
        summary = finding.summary
        details = finding.details
        basis = finding.basis
        sources = finding.sources
        evidence = finding.evidence
        measured = finding.measured
        expected = finding.expected
        // A finding that is not a pass always carries a fix: its own, or the item's general one.
        remediation = finding.status == .pass || finding.status == .notApplicable ? nil : (finding.remediation ?? item.remediation)
    }
}
