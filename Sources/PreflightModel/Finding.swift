/// What one check concluded about one item, with the evidence it rests on.
public struct Finding: Codable, Sendable, Equatable {
    public var status: Status
    public var summary: String
    /// Further observations beyond the summary, worst first.
    public var details: [String]
    public var evidence: [EvidenceRef]
    public var measured: String?
    public var expected: String?
    /// What to change for this finding, where, to what value. `nil` on a pass.
    public var remediation: String?

    public init(
        status: Status,
        summary: String,
        details: [String] = [],
        evidence: [EvidenceRef] = [],
        measured: String? = nil,
        expected: String? = nil,
        remediation: String? = nil
    ) {
        self.status = status
        self.summary = summary
        self.details = details
        self.evidence = evidence
        self.measured = measured
        self.expected = expected
        self.remediation = remediation
    }

    /// No evidence, or too little to decide. Never silently a pass.
    public static func unknown(_ reason: String, evidence: [EvidenceRef] = [], remediation: String? = nil) -> Finding {
        Finding(status: .unknown, summary: reason, evidence: evidence, remediation: remediation)
    }

    public static func notApplicable(_ reason: String, evidence: [EvidenceRef] = []) -> Finding {
        Finding(status: .notApplicable, summary: reason, evidence: evidence)
    }

    /// The sources this finding rests on, strongest first.
    public var sources: [SourceKind] {
        let kinds = Set(evidence.map(\.source))
        return SourceKind.allCases.filter(kinds.contains)
    }

    /// "observed" when any cited evidence is observed, "declared" when it rests on the manifest alone.
    public var basis: EvidenceBasis {
        if sources.contains(where: \.isObserved) { return .observed }
        return sources.isEmpty ? .none : .declared
    }
}

public enum EvidenceBasis: String, Codable, Sendable {
    case observed
    case declared
    case none
}
