import PreflightModel

/// E2: every websocket disconnect record says why and after how long.
public struct DisconnectLogFieldsCheck: Check {
    public init() {}

    static let requiredFields = ["close_code", "last_message_ago_ms", "uptime_seconds"]

    public let item = CheckItem(
        id: "E2",
        name: "disconnect-log-fields",
        section: .observability,
        severity: .medium,
        summary: "Websocket disconnect records carry close_code, last_message_ago_ms and uptime_seconds.",
        rationale: """
            A disconnect without its close code and timings cannot be told apart: a server-side 24-hour rotation, \
            a silent stall the bot failed to notice, or a ping timeout all look the same.
            """,
        rule: """
            fail unless ws_disconnect records carry close_code, last_message_ago_ms and uptime_seconds \
            (default coverage 99%, policy field_coverage). Needs log samples. After a drill, fail if the logs \
            hold fewer ws_disconnect records than the streams the stand-in closed.
            """,
        remediation: """
            Log close_code, last_message_ago_ms and uptime_seconds on every disconnect, map any differently named \
            field under logs.fields in preflight.yml, and pass log samples.
            """,
        evidenceSources: [.logs, .drill],
        references: ["checklist E2", "https://www.rfc-editor.org/rfc/rfc6455#section-7.4"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let finding = judgeDeclaredAndLogged(evidence, policy: policy)
        return DrillLogsAgainstWire(evidence)?.weighDisconnects(over: finding) ?? finding
    }

    private func judgeDeclaredAndLogged(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let cited = Self.declaredCitations(manifest.logs)
        guard let logs = evidence.logs else {
            return .unknown(
                "disconnect log fields not checked: \(MissingEvidence.logs)",
                evidence: cited,
                remediation: """
                    Log \(Self.requiredFields.joined(separator: ", ")) on every ws_disconnect record, and name the log \
                    samples under logs.paths in \(manifest.path) or pass them with --logs.
                    """
            )
        }
        let facts = logs.streams
        let total = facts.disconnects
        let unlogged = facts.reconnectsWithoutDisconnect
        guard total > 0 || unlogged.isEmpty else {
            var assessment = Assessment()
            for ref in cited + unlogged.citations("reconnect without a ws_disconnect record") { assessment.cite(ref) }
            assessment.fail(
                "the logs show streams reconnecting \(unlogged.count) time\(unlogged.count == 1 ? "" : "s") but hold no ws_disconnect record (\(unlogged.exampleText))",
                fix: "Log a ws_disconnect record with \(Self.requiredFields.joined(separator: ", ")) each time a stream closes, before reconnecting (or map the bot's own event under logs.events.ws_disconnect in \(manifest.path))."
            )
            return assessment.finding(pass: "", measured: "0 ws_disconnect records, \(unlogged.count) reconnections (logs)", expected: "a ws_disconnect record for every disconnect")
        }
        guard total > 0 else {
            return .unknown(
                "disconnect log fields not checked: \(logs.noRecordsText([.wsDisconnect]))",
                evidence: cited + [logs.readCitation("no ws_disconnect records")],
                remediation: """
                    Log a ws_disconnect record (with \(Self.requiredFields.joined(separator: ", "))) whenever a stream \
                    closes, or name the bot's own event under logs.events.ws_disconnect in \(manifest.path).
                    """
            )
        }
        var assessment = Assessment()
        for ref in cited { assessment.cite(ref) }
        let minimum = policy[.fieldCoverage]
        let coverage = Self.judgeFieldCoverage(facts, minimum: minimum, manifest: manifest, into: &assessment)
        if !unlogged.isEmpty {
            assessment.fail(
                citing: unlogged, as: "reconnect without a ws_disconnect record",
                "\(unlogged.count) reconnection\(unlogged.count == 1 ? "" : "s") had no ws_disconnect record before \(unlogged.count == 1 ? "it" : "them") (\(unlogged.exampleText))",
                fix: "Log a ws_disconnect record each time a stream closes, before the bot reconnects it."
            )
        }
        if !assessment.hasFailures {
            assessment.cite(logs.readCitation("\(total) ws_disconnect records with close_code, last_message_ago_ms and uptime_seconds"))
        }
        return assessment.finding(
            pass: "\(total == 1 ? "the 1 ws_disconnect record carries" : "all \(total) ws_disconnect records carry") close_code, last_message_ago_ms and uptime_seconds",
            measured: coverage.joined(separator: ", ") + " of \(total) ws_disconnect records (logs)",
            expected: "each field on at least \(Self.percent(minimum)) of ws_disconnect records (policy field_coverage)"
        )
    }

    /// The manifest's log paths and the aliases it gives the disconnect event and its fields.
    private static func declaredCitations(_ logs: LogsSection?) -> [EvidenceRef] {
        var cited: [EvidenceRef] = []
        if let paths = logs?.paths { cited.append(.declared(paths)) }
        if let event = logs?.events["ws_disconnect"] {
            cited.append(.declared(event, "ws_disconnect logged as \(event.value)"))
        }
        for field in requiredFields {
            if let alias = logs?.fields[field] { cited.append(.declared(alias, "\(field) logged as \(alias.value)")) }
        }
        return cited
    }

    /// Fails each required field carried on less than the policy's share of ws_disconnect records;
    /// returns each field's coverage, for the measured text.
    private static func judgeFieldCoverage(
        _ facts: StreamLogFacts, minimum: Double, manifest: Manifest, into assessment: inout Assessment
    ) -> [String] {
        let total = facts.disconnects
        let missing = [
            ("close_code", facts.disconnectsWithoutCloseCode),
            ("last_message_ago_ms", facts.disconnectsWithoutLastMessageAgo),
            ("uptime_seconds", facts.disconnectsWithoutUptime),
        ]
        var coverage: [String] = []
        for (field, tally) in missing {
            let share = Double(total - tally.count) / Double(total)
            coverage.append("\(field) \(percent(share))")
            guard !tally.isEmpty else { continue }
            for ref in tally.citations("ws_disconnect without \(field)") { assessment.cite(ref) }
            if share < minimum {
                let alias = manifest.logs?.fields[field].map { " (logged as \($0.value))" } ?? ""
                assessment.fail(
                    "\(tally.count) of \(total) ws_disconnect records lack \(field)\(alias): coverage \(percent(share)), under \(percent(minimum)) (\(tally.exampleText))",
                    fix: "Log \(field) on every ws_disconnect record (or map the bot's name for it under logs.fields.\(field) in \(manifest.path))."
                )
            } else {
                assessment.note("\(tally.count) of \(total) ws_disconnect records lack \(field) (within the \(percent(minimum)) coverage rule)")
            }
        }
        return coverage
    }

    static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded(.down) / 10
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }
}
