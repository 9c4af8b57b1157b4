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
            coverage and an example record location. Needs log samples. After a drill, fail if the logs hold \
            fewer api_request records than field_coverage of the requests the stand-in received: the wire is the truth.
            """,
        remediation: """
            Add the missing fields to the bot's request logging (one structured record per request, retries \
            included), map any differently named field under logs.fields in preflight.yml, and pass log samples.
            """,
        evidenceSources: [.logs, .drill],
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
        if let logs = evidence.logs {
            let finding = observed(logs, policy: policy, cited: cited, manifest: manifest)
            guard let drill = evidence.drill else { return finding }
            return Self.comparedWithTheWire(finding, logs: logs, drill: drill, policy: policy)
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

    /// During a drill the stand-in saw every request: a log that holds fewer request records than the wire
    /// has requests leaves requests unlogged, and the wire is the truth.
    static func comparedWithTheWire(_ finding: Finding, logs: LogEvidence, drill: DrillEvidence, policy: Policy) -> Finding {
        let onTheWire = drill.requestsOnTheWire
        let logged = logs.scan.eventsByKind[.apiRequest] ?? 0
        guard onTheWire > 0 else { return finding }
        let share = Double(logged) / Double(onTheWire)
        var weighed = finding
        let counts = "\(onTheWire) requests on the wire during the drill, \(logged) api_request records in the logs"
        guard share < policy[.fieldCoverage] else {
            weighed.details.append("\(counts): every request the stand-in saw was logged")
            return weighed
        }
        let missing = onTheWire - logged
        weighed.status = .fail
        if finding.status == .fail { weighed.details.insert(finding.summary, at: 0) }
        weighed.summary = "the bot left \(missing) of its \(onTheWire) requests unlogged: \(counts)"
        weighed.evidence.insert(EvidenceRef(.drill, at: SourceLocation(file: drill.wirePath, line: nil), "\(onTheWire) requests received"), at: 0)
        weighed.remediation = "Log one api_request record for every HTTP request the bot sends (successes and retries too, from the HTTP client's own hook), so the logs hold what the exchange received." + (finding.remediation.map { " " + $0 } ?? "")
        return weighed
    }

    func observed(_ logs: LogEvidence, policy: Policy, cited: [EvidenceRef], manifest: Manifest) -> Finding {
        let facts = logs.requests
        let threshold = policy[.fieldCoverage]
        let percent = Int((threshold * 100).rounded())
        guard facts.requests > 0 else {
            if let running = Self.signsOfLife(logs) {
                var assessment = Assessment()
                for ref in cited { assessment.cite(ref) }
                assessment.cite(logs.readCitation("no api_request records; \(running)"))
                let unknown = logs.scan.unknownEventNames.first.map { " If it logs them under another event name (the most frequent unknown one is '\($0.name)'), map that name under logs.events.api_request in \(manifest.path)." } ?? ""
                assessment.fail(
                    "the logs show the bot running (\(running)) but hold no api_request record: the bot does not log its requests with \(Self.requiredFields.joined(separator: ", "))",
                    fix: "Log one api_request record per request the bot sends, retries included, carrying \(Self.requiredFields.joined(separator: ", ")).\(unknown)"
                )
                return assessment.finding(pass: "", measured: "0 api_request records (logs)", expected: "every request logged with \(Self.requiredFields.joined(separator: ", "))")
            }
            return .unknown(
                "request log fields not checked: \(logs.noRequestsText)", evidence: cited + [logs.readCitation("no api_request records")],
                remediation: """
                    Log one api_request record per request (retries included) carrying \(Self.requiredFields.joined(separator: ", ")), \
                    or map the bot's own event name under logs.events in \(manifest.path).
                    """
            )
        }
        var assessment = Assessment()
        for ref in cited { assessment.cite(ref) }
        if !logs.scan.requestLogsAreComplete {
            assessment.fail(
                "the logs do not record every request: \(logs.scan.incompleteRequestSourcesText)",
                fix: "Log one api_request record for every request the bot sends, successes included, not only failures; a framework's text log cannot do this, so add a structured request log beside it."
            )
        }
        let short = facts.fieldCoverage.filter { ($0.share ?? 0) < threshold }
        for coverage in short {
            for ref in coverage.missing.citations("api_request record without \(coverage.field)").prefix(2) { assessment.cite(ref) }
        }
        let measured = facts.fieldCoverage.map { "\($0.field) \($0.percentText)" }.joined(separator: ", ")
        if !short.isEmpty {
            let names = short.map(\.field)
            let described = short.map { coverage in
                "\(coverage.field) on \(coverage.percentText) (missing e.g. at \(coverage.missing.exampleText))"
            }
            assessment.fail(
                "of \(facts.requests) api_request records, too few carry \(names.joined(separator: ", ")): "
                    + described.joined(separator: "; ") + "; the rule is \(percent)% each",
                fix: """
                    Add \(names.joined(separator: ", ")) to every api_request record the bot logs (error_code may be null on \
                    success, but the key must be there); if the bot logs them under other names, map them under logs.fields \
                    in \(manifest.path).
                    """
            )
        } else {
            assessment.cite(logs.readCitation("\(facts.requests) api_request records read"))
        }
        return assessment.finding(
            pass: "each of the six fields is on at least \(percent)% of the \(facts.requests) api_request records (\(measured))",
            measured: "\(measured) of \(facts.requests) api_request records (logs)",
            expected: "each of \(Self.requiredFields.joined(separator: ", ")) on at least \(percent)% of records"
        )
    }

    /// What shows the bot ran although no request was logged: startups, orders, reconciles, framework text lines.
    static func signsOfLife(_ logs: LogEvidence) -> String? {
        var signs: [String] = []
        for kind in [LogEventKind.startup, .orderSubmit, .orderCancel, .reconcile] {
            let count = logs.scan.count(kind)
            if count > 0 { signs.append("\(count) \(kind.rawValue) record\(count == 1 ? "" : "s")") }
        }
        let text = logs.scan.sources.filter(\.reading.isFrameworkText).reduce(0) { $0 + $1.lines }
        if text > 0 { signs.append("\(text) lines of framework text") }
        return signs.isEmpty ? nil : signs.joined(separator: ", ")
    }
}
