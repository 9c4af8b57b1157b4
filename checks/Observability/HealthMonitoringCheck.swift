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
            over twice the interval (policy heartbeat_gap_factor). A drill polls the endpoint throughout: fail \
            if it never answers, or answers the same while the drill holds the streams down (ws_disconnect, \
            stale_stream).
            """,
        remediation: """
            Expose a health endpoint that reports process, stream and order-flow state, or log a heartbeat event \
            at a fixed interval, watch it from outside the bot, and declare monitoring.health_endpoint or \
            monitoring.heartbeat_interval_s in preflight.yml.
            """,
        evidenceSources: [.manifest, .logs, .host, .drill],
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
        let finding = judgeDeclaredAndLogged(evidence, policy: policy)
        return DrillHealthVerdict(evidence.drill)?.weigh(over: finding) ?? finding
    }

    private func judgeDeclaredAndLogged(_ evidence: Evidence, policy: Policy) -> Finding {
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
        Self.judgeDeclaration(endpoint: endpoint, heartbeat: heartbeat, manifestPath: manifest.path, into: &assessment)
        if assessment.hasFailures { return assessment.finding(pass: "") }
        if let logs = evidence.logs {
            if let heartbeat, let finding = judgeHeartbeats(logs, interval: heartbeat, gapFactor: gapFactor, into: &assessment) {
                return finding
            }
        }
        return Self.unconfirmed(endpoint: endpoint, heartbeat: heartbeat, gapText: gapText, logs: evidence.logs, assessment: assessment)
    }

    /// A health endpoint or a heartbeat must be declared, each well formed.
    private static func judgeDeclaration(
        endpoint: Located<String>?, heartbeat: Located<Int>?, manifestPath: String, into assessment: inout Assessment
    ) {
        if endpoint == nil && heartbeat == nil {
            assessment.fail(
                "no health endpoint or heartbeat declared",
                fix: "Expose a health endpoint or log a heartbeat, and add health_endpoint or heartbeat_interval_s to the monitoring section of \(manifestPath)."
            )
        }
        if let endpoint, !isHTTPURL(endpoint.value) {
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
    }

    /// A declaration alone proves nothing here: the rule needs the endpoint to answer or heartbeats in the logs.
    private static func unconfirmed(
        endpoint: Located<String>?, heartbeat: Located<Int>?, gapText: String, logs: LogEvidence?, assessment: Assessment
    ) -> Finding {
        let declared = [
            endpoint.map { "health endpoint \($0.value)" },
            heartbeat.map { "a heartbeat every \($0.value) s" },
        ].compactMap { $0 }.joined(separator: " and ")
        var checks: [String] = []
        if let heartbeat {
            checks.append("log samples showing heartbeat events with no gap over \(gapText)× \(heartbeat.value) s")
        }
        if endpoint != nil { checks.append("a probe of the health endpoint from the bot host") }
        if let logs {
            let seen = logs.lifecycle.heartbeats
            let heartbeatsText = seen == 0
                ? logs.noRecordsText([.heartbeat])
                : heartbeat == nil
                    ? "the logs show \(seen) heartbeat records but no heartbeat_interval_s is declared to judge their gaps"
                    : "the logs show only \(seen) heartbeat record, too few to measure a gap"
            return .unknown(
                "declares \(declared); \(heartbeatsText), and the health endpoint was not probed",
                evidence: assessment.evidence + [logs.readCitation("\(seen) heartbeat records")],
                remediation: "Confirm health with \(checks.joined(separator: " or ")); declare monitoring.heartbeat_interval_s for the heartbeat the bot logs."
            )
        }
        return .unknown(
            "declares \(declared); no log samples given to show heartbeats and the health endpoint was not probed",
            evidence: assessment.evidence,
            remediation: "Confirm health with \(checks.joined(separator: " or ")) (preflight does not probe health endpoints yet)."
        )
    }

    /// Judges the logged heartbeats against the declared interval; nil when the logs cannot tell
    /// (fewer than two heartbeats and no silence after the last one).
    private func judgeHeartbeats(
        _ logs: LogEvidence, interval: Located<Int>, gapFactor: Double, into assessment: inout Assessment
    ) -> Finding? {
        let facts = logs.lifecycle
        let limitMs = facts.heartbeatGapLimitMs ?? Double(interval.value) * 1000 * gapFactor
        let limitText = "\(Self.seconds(limitMs)) s (\(gapFactor == gapFactor.rounded() ? "\(Int(gapFactor))" : "\(gapFactor)")× the declared \(interval.value) s)"
        let silence = facts.silenceAfterLastHeartbeatMs.flatMap { $0.value > limitMs ? $0 : nil }
        guard facts.heartbeats >= 2 || silence != nil else { return nil }
        let longest = facts.longestHeartbeatGapMs
        let measured = "\(facts.heartbeats) heartbeats, longest gap \(longest.map { "\(Self.seconds($0.value)) s" } ?? "-")\(facts.silenceAfterLastHeartbeatMs.map { ", \(Self.seconds($0.value)) s of records after the last one" } ?? "") (logs)"
        let gaps = facts.heartbeatGapsOverLimit
        if !gaps.isEmpty {
            assessment.fail(
                citing: gaps, as: "heartbeat gap over \(Self.seconds(limitMs)) s",
                "the logs show \(gaps.count) heartbeat gap\(gaps.count == 1 ? "" : "s") over \(limitText); the longest is \(longest.map { "\(Self.seconds($0.value)) s at \($0.location.fileAndLine)" } ?? "-")",
                fix: "Find what stalled the bot at \(gaps.exampleText) (a blocked event loop, a hung request), emit the heartbeat from a task nothing else can block, and alert when it is late."
            )
        }
        if let silence {
            assessment.cite(EvidenceRef(.logs, at: silence.location, "\(Self.seconds(silence.value)) s after the last heartbeat"))
            assessment.fail(
                "the heartbeat stopped: the logs go on for \(Self.seconds(silence.value)) s after the last heartbeat (to \(silence.location.fileAndLine)), over \(limitText)",
                fix: "Keep the heartbeat running for as long as the bot runs (a supervised task), and alert when it is late."
            )
        }
        if !assessment.hasFailures, let longest {
            assessment.cite(EvidenceRef(.logs, at: longest.location, "longest heartbeat gap \(Self.seconds(longest.value)) s"))
        }
        return assessment.finding(
            pass: "the logs show \(facts.heartbeats) heartbeats with no gap over \(limitText); the longest is \(longest.map { "\(Self.seconds($0.value)) s" } ?? "-")",
            measured: measured,
            expected: "no heartbeat gap over \(Self.seconds(limitMs)) s"
        )
    }

    static func seconds(_ ms: Double) -> String {
        let value = (ms / 100).rounded() / 10
        return value == value.rounded() ? "\(Int64(value))" : "\(value)"
    }

    static func heartbeats(_ times: [String]) -> String {
        times.map { #"{"ts":"2026-11-24T\#($0).000Z","event":"heartbeat"}"# }.joined(separator: "\n") + "\n"
    }
}
