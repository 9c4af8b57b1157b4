import PreflightModel

/// E1: every API request record carries the fields needed to debug a failure.
public struct RequestLogFieldsCheck: Check {
    public init() {}

    static let requiredFields = ["endpoint", "status", "error_code", "attempt", "latency_ms", "concurrency_inflight"]

    public let item = CheckItem(
        id: "E1",
        name: "request-log-fields",
        section: .observability,
        severity: .high,
        summary: "API request records carry endpoint, status, error_code, attempt, latency_ms and concurrency_inflight.",
        rationale: """
            When orders fail at 3 a.m., these fields are what tells a rate-limit storm from an exchange outage \
            from a bug. A request log without them leaves the on-call engineer guessing.
            """,
        rule: """
            fail unless at least 99% (policy field_coverage) of api_request records carry each of endpoint, \
            status, error_code, attempt, latency_ms and concurrency_inflight; name each missing field with its \
            coverage and an example record location. Needs log samples.
            """,
        remediation: """
            Add the missing fields to the bot's request logging (one structured record per request, retries \
            included), map any differently named field under logs.fields in preflight.yml, and pass log samples.
            """,
        evidenceSources: [.logs],
        references: ["checklist E1"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let coverage = Int((policy[.fieldCoverage] * 100).rounded())
        var cited: [EvidenceRef] = []
        if let paths = manifest.logs?.paths { cited.append(.declared(paths)) }
        for field in Self.requiredFields {
            if let alias = manifest.logs?.fields[field] { cited.append(.declared(alias, "\(field) logged as \(alias.value)")) }
        }
        return .unknown(
            "request log fields not checked: \(MissingEvidence.logs)",
            evidence: cited,
            remediation: """
                Log \(Self.requiredFields.joined(separator: ", ")) on at least \(coverage)% of api_request records, \
                and name the log samples under logs.paths in \(manifest.path) so a release that reads logs can check them.
                """
        )
    }

    public let examples: [CheckExample] = [
        CheckExample(
            "log samples named but not read in this release",
            manifest: "logs:\n  paths: [logs/*.jsonl]\n  fields:\n    endpoint: path\n    latency_ms: duration_ms\n",
            expect: .unknown,
            mentioning: "no log samples given"
        ),
        CheckExample("no logs section", manifest: "monitoring:\n  heartbeat_interval_s: 30\n", expect: .unknown),
    ]
}
