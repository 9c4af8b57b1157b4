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
            (default coverage 99%, policy field_coverage). Needs log samples.
            """,
        remediation: """
            Log close_code, last_message_ago_ms and uptime_seconds on every disconnect, map any differently named \
            field under logs.fields in preflight.yml, and pass log samples.
            """,
        evidenceSources: [.logs],
        references: ["checklist E2", "https://www.rfc-editor.org/rfc/rfc6455#section-7.4"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        var cited: [EvidenceRef] = []
        if let paths = manifest.logs?.paths { cited.append(.declared(paths)) }
        if let event = manifest.logs?.events["ws_disconnect"] {
            cited.append(.declared(event, "ws_disconnect logged as \(event.value)"))
        }
        for field in Self.requiredFields {
            if let alias = manifest.logs?.fields[field] { cited.append(.declared(alias, "\(field) logged as \(alias.value)")) }
        }
        return .unknown(
            "disconnect log fields not checked: \(MissingEvidence.logs)",
            evidence: cited,
            remediation: """
                Log \(Self.requiredFields.joined(separator: ", ")) on every ws_disconnect record, and name the log \
                samples under logs.paths in \(manifest.path) so a release that reads logs can check them.
                """
        )
    }

    public let examples: [CheckExample] = [
        CheckExample(
            "disconnect event renamed, samples not read in this release",
            manifest: "logs:\n  paths: [logs/*.jsonl]\n  events:\n    ws_disconnect: socket_closed\n",
            expect: .unknown,
            mentioning: "no log samples given"
        ),
        CheckExample("no logs section", manifest: "streams:\n  sequence_tracking: true\n", expect: .unknown),
    ]
}
