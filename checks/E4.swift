import Foundation
import PreflightModel

/// E4: something outside the bot notices when it stops being healthy.
public struct HealthMonitoringCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "E4",
        name: "health-monitoring",
        section: .observability,
        severity: .high,
        summary: "Bot health is monitored through a health endpoint or a heartbeat, and it shows the process alive, streams connected and orders flowing.",
        rationale: """
            A bot that hangs with open orders is worse than one that crashes: nothing restarts it and nobody is \
            paged. A health endpoint or heartbeat lets a supervisor see the stall and act.
            """,
        rule: """
            fail unless monitoring.health_endpoint (an http(s) URL) or monitoring.heartbeat_interval_s (at \
            least 1) is declared; then the endpoint must answer, or the logs must show heartbeats with no gap \
            over twice the interval (policy heartbeat_gap_factor).
            """,
        remediation: """
            Expose a health endpoint that reports process, stream and order-flow state, or log a heartbeat event \
            at a fixed interval, watch it from outside the bot, and declare monitoring.health_endpoint or \
            monitoring.heartbeat_interval_s in preflight.yml.
            """,
        evidenceSources: [.manifest, .logs, .host],
        references: ["checklist E4"]
    )

    static func isHTTPURL(_ text: String) -> Bool {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty
        else { return false }
        return true
    }

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let gapFactor = policy[.heartbeatGapFactor]
        let gapText = gapFactor == gapFactor.rounded() ? "\(Int(gapFactor))" : "\(gapFactor)"
        guard let monitoring = manifest.monitoring else {
            return .unknown(
                "no health monitoring declared (monitoring section) and \(MissingEvidence.logs)",
                remediation: """
                    Add a monitoring section to \(manifest.path) with health_endpoint (e.g. \
                    http://127.0.0.1:9102/healthz) or heartbeat_interval_s (e.g. 30).
                    """
            )
        }

        var assessment = Assessment()
        assessment.cite(monitoring.healthEndpoint)
        assessment.cite(monitoring.heartbeatIntervalSeconds)

        let endpoint = monitoring.healthEndpoint
        let heartbeat = monitoring.heartbeatIntervalSeconds
        if endpoint == nil && heartbeat == nil {
            assessment.fail(
                "no health endpoint or heartbeat declared",
                fix: "Expose a health endpoint or log a heartbeat, and add health_endpoint or heartbeat_interval_s to the monitoring section of \(manifest.path)."
            )
        }
        if let endpoint, !Self.isHTTPURL(endpoint.value) {
            assessment.fail(
                "the health endpoint \"\(endpoint.value)\" is not an http(s) URL with a host",
                fix: "Set monitoring.health_endpoint at \(endpoint.location) to the full URL, e.g. http://127.0.0.1:9102/healthz."
            )
        }
        if let heartbeat, heartbeat.value < 1 {
            assessment.fail(
                "monitoring.heartbeat_interval_s is \(heartbeat.value); a heartbeat needs an interval of at least 1 s",
                fix: "Set monitoring.heartbeat_interval_s at \(heartbeat.location) to the heartbeat's interval in seconds (e.g. 30)."
            )
        }
        if assessment.hasFailures { return assessment.finding(pass: "") }

        // A declaration alone proves nothing here: the rule needs the endpoint to answer or heartbeats in the logs.
        let declared = [
            endpoint.map { "health endpoint \($0.value)" },
            heartbeat.map { "a heartbeat every \($0.value) s" },
        ].compactMap { $0 }.joined(separator: " and ")
        var checks: [String] = []
        if let heartbeat {
            checks.append("log samples showing heartbeat events with no gap over \(gapText)× \(heartbeat.value) s")
        }
        if endpoint != nil { checks.append("a probe of the health endpoint from the bot host") }
        return .unknown(
            "declares \(declared); no log samples given to show heartbeats and the health endpoint was not probed",
            evidence: assessment.evidence,
            remediation: "Confirm health with \(checks.joined(separator: " or ")) (not collected in this release)."
        )
    }

    public let examples: [CheckExample] = [
        CheckExample(
            "endpoint and heartbeat declared, neither observed",
            manifest: "monitoring:\n  health_endpoint: http://127.0.0.1:9102/healthz\n  heartbeat_interval_s: 30\n",
            expect: .unknown,
            mentioning: "no log samples given to show heartbeats"
        ),
        CheckExample(
            "heartbeat only",
            manifest: "monitoring:\n  heartbeat_interval_s: 15\n",
            expect: .unknown,
            mentioning: "a heartbeat every 15 s"
        ),
        CheckExample(
            "section without either",
            manifest: "monitoring: {}\n",
            expect: .fail,
            mentioning: "no health endpoint or heartbeat declared"
        ),
        CheckExample(
            "endpoint is not a URL",
            manifest: "monitoring:\n  health_endpoint: localhost:9102/healthz\n",
            expect: .fail,
            mentioning: "not an http(s) URL"
        ),
        CheckExample(
            "zero heartbeat interval",
            manifest: "monitoring:\n  heartbeat_interval_s: 0\n",
            expect: .fail,
            mentioning: "at least 1 s"
        ),
        CheckExample("no monitoring section", manifest: "clock:\n  logs_offset: true\n", expect: .unknown),
    ]
}
