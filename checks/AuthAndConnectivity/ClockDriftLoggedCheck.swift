import PreflightModel

/// A6: the bot measures and logs its clock offset against the exchange.
public struct ClockDriftLoggedCheck: Check {
    static let recvWindowRange = 1...60_000

    public init() {}

    public let item = CheckItem(
        id: "A6",
        name: "clock-drift-logged",
        section: .authAndConnectivity,
        severity: .high,
        summary: "Every signed request's log record carries the local-vs-exchange clock offset, and the offset stays well inside the recvWindow.",
        rationale: """
            Timestamp rejections come from drift nobody saw coming. A bot that logs its offset on every signed \
            request shows the drift growing long before the exchange starts refusing orders, and an offset that \
            already eats half the recvWindow leaves no room for network delay.
            """,
        rule: """
            fail unless signed-request records carry clock_offset_ms (policy field_coverage, default 99% of them) \
            and clock.logs_offset is not false (with log samples, their coverage decides); fail if clock.recv_window_ms is outside 1..60000; fail if the \
            offset measured now against the exchange's server time (several samples, the minimum-RTT one, \
            corrected by RTT/2) exceeds policy offset_share_of_recv_window (default 50%) of the recvWindow. After \
            a drill's clock_skew phase: fail unless the bot queried the exchange's time (GET /api/v3/time) within \
            5 s of the first -1021 the step caused, i.e. it re-measures its offset after a clock step.
            """,
        remediation: """
            Measure the offset to the exchange's server time at start and periodically, log it as clock_offset_ms \
            on every signed request, and declare clock.recv_window_ms and clock.logs_offset: true in preflight.yml.
            """,
        evidenceSources: [.drill, .logs, .exchange, .manifest],
        references: ["checklist A6", "https://developers.binance.com/docs/binance-spot-api-docs/websocket-api/request-security"],
        frameworkRemediation: ["freqtrade": FrameworkClockAdvice.freqtrade]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let finding = judgedBeforeTheDrill(evidence, policy: policy)
        guard let drill = evidence.drill, let reaction = drill.reaction(to: "clock_skew") else { return finding }
        return DrillReactionVerdict(
            reaction: reaction, drill: drill, provocation: "the stand-in's clock stepped and rejected a signed request with -1021",
            remedy: "re-measure its clock offset", done: "re-measured its clock offset",
            fix: "On a -1021 (timestamp outside recvWindow), query the exchange's time (GET /api/v3/time), recompute the offset from it (corrected by half the round trip), log it as clock_offset_ms and sign the next request with the corrected time; ccxt: call load_time_difference() with options adjustForTimeDifference."
        ).weigh(over: finding, decides: false)
    }

    /// What the manifest, the logs and the exchange probe show, before a drill's wire is weighed.
    private func judgedBeforeTheDrill(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let exchange = manifest.bot.exchange.value
        let suggestedWindow = exchange.defaultRecvWindowMs ?? 5000
        let offset = Self.measureOffset(evidence, policy: policy)
        var logsFact = MissingEvidence.logs
        if let logs = evidence.logs {
            if logs.requests.signedRequests > 0 { return observed(logs, evidence: evidence, policy: policy, offset: offset) }
            logsFact = logs.requests.requests == 0
                ? logs.noRequestsText
                : "none of the \(logs.requests.requests) api_request records in the logs is signed"
        }
        let notObserved = "\(logsFact); \(offset.fact)"

        guard let clock = manifest.clock else {
            if let finding = offset.decisive(Assessment()) { return finding }
            return .unknown(
                "no clock section declared (clock.logs_offset, clock.recv_window_ms); \(notObserved)",
                remediation: """
                    Add a clock section to \(manifest.path) with recv_window_ms: \(suggestedWindow) and \
                    logs_offset: true, and log clock_offset_ms on every signed request.
                    """
            )
        }
        return Self.declaredFinding(
            clock, offset: offset, notObserved: notObserved, suggestedWindow: suggestedWindow,
            manifestPath: manifest.path, policy: policy
        )
    }

    /// No signed request in the logs: the declared clock section fails or leaves the item unknown (only
    /// the logs can pass it); the exchange probe's offset, when decisive, overrides both.
    private static func declaredFinding(
        _ clock: ClockSection, offset: OffsetVerdict, notObserved: String, suggestedWindow: Int, manifestPath: String,
        policy: Policy
    ) -> Finding {
        let range = recvWindowRange
        var assessment = Assessment()
        assessment.cite(clock.logsOffset)
        assessment.cite(clock.recvWindowMs)

        if let logsOffset = clock.logsOffset, !logsOffset.value {
            assessment.fail(
                "signed-request records do not carry the clock offset (clock.logs_offset is false)",
                fix: """
                    Log clock_offset_ms (local time minus exchange server time) on every signed request and set \
                    clock.logs_offset: true at \(logsOffset.location).
                    """
            )
        }
        if let window = clock.recvWindowMs, !range.contains(window.value) {
            assessment.fail(
                "clock.recv_window_ms is \(window.value); it must be from \(range.lowerBound) to \(range.upperBound)",
                fix: "Set clock.recv_window_ms at \(window.location) to \(suggestedWindow) (the bot's signing recvWindow, at most \(range.upperBound))."
            )
        }
        if let finding = offset.decisive(assessment) { return finding }
        if assessment.hasFailures {
            assessment.note(offset.fact)
            return assessment.finding(pass: "")
        }
        if let ref = offset.citation { assessment.cite(ref) }
        return declaredUnconfirmed(
            clock, assessment: assessment, notObserved: notObserved, suggestedWindow: suggestedWindow,
            manifestPath: manifestPath, policy: policy
        )
    }

    /// A sound declaration the logs do not confirm: unknown, saying what is declared and what is missing.
    private static func declaredUnconfirmed(
        _ clock: ClockSection, assessment: Assessment, notObserved: String, suggestedWindow: Int, manifestPath: String,
        policy: Policy
    ) -> Finding {
        var facts: [String] = []
        var missing: [String] = []
        if clock.logsOffset != nil {
            facts.append("declares clock offsets in signed-request logs")
        } else {
            facts.append("clock.logs_offset is not declared")
            missing.append("logs_offset: true")
        }
        if let window = clock.recvWindowMs {
            let limit = Int((policy[.offsetShareOfRecvWindow] * Double(window.value)).rounded(.down))
            facts.append("declares a recvWindow of \(window.value) ms (offset limit \(limit) ms)")
        } else {
            facts.append("clock.recv_window_ms is not declared")
            missing.append("recv_window_ms: \(suggestedWindow)")
        }
        var finding = assessment.unknown(facts.joined(separator: "; ") + "; \(notObserved)")
        if !missing.isEmpty {
            finding.remediation = "Add \(missing.joined(separator: " and ")) to the clock section of \(manifestPath)."
        }
        return finding
    }

    /// The logs decide whether signed requests carry the offset (over clock.logs_offset); the exchange probe,
    /// when run, still judges the offset itself.
    func observed(_ logs: LogEvidence, evidence: Evidence, policy: Policy, offset: OffsetVerdict) -> Finding {
        let manifest = evidence.manifest
        let clock = manifest.clock
        let range = Self.recvWindowRange
        var assessment = Assessment()
        assessment.cite(clock?.logsOffset)
        assessment.cite(clock?.recvWindowMs)
        if let window = clock?.recvWindowMs, !range.contains(window.value) {
            let suggested = manifest.bot.exchange.value.defaultRecvWindowMs ?? 5000
            assessment.fail(
                "clock.recv_window_ms is \(window.value); it must be from \(range.lowerBound) to \(range.upperBound)",
                fix: "Set clock.recv_window_ms at \(window.location) to \(suggested) (the bot's signing recvWindow, at most \(range.upperBound))."
            )
        }
        let coverage = logs.requests.clockOffsetCoverage
        let threshold = policy[.fieldCoverage]
        let required = Int((threshold * 100).rounded())
        let carried = "clock_offset_ms on \(coverage.percentText) of \(coverage.records) signed requests"
        if (coverage.share ?? 0) < threshold {
            let declared = clock?.logsOffset?.value == true ? "declares clock.logs_offset: true, but " : ""
            assessment.fail(
                citing: coverage.missing, as: "signed request without clock_offset_ms",
                "\(declared)logs show \(carried) (missing e.g. at \(coverage.missing.exampleText)); the rule is \(required)%",
                fix: """
                    Log clock_offset_ms (local time minus the exchange's server time, measured at start and refreshed \
                    periodically) on every signed api_request record.
                    """
            )
        } else {
            assessment.cite(logs.readCitation(carried))
            if let logsOffset = clock?.logsOffset, !logsOffset.value {
                assessment.note("clock.logs_offset is false, but the logs show the offset logged; the logs decide")
            }
        }
        if let finding = offset.decisive(assessment) { return finding }
        if let ref = offset.citation { assessment.cite(ref) }
        if let worst = logs.requests.offsetAlerts.worstOffset {
            assessment.note("largest logged offset \(NumberText.whole(worst.value)) ms at \(worst.place)")
        }
        return assessment.finding(
            pass: "logs show \(carried); \(offset.fact)",
            measured: "\(carried) (logs)",
            expected: "clock_offset_ms on at least \(required)% of signed requests"
        )
    }

    /// The offset against the exchange's server time: a failure when it exceeds the share of recvWindow,
    /// an error when the probe broke, otherwise a fact for the summary.
    struct OffsetVerdict {
        var fact: String
        var citation: EvidenceRef?
        var problem: (message: String, fix: String)?
        var probeFailure: String?

        func decisive(_ base: Assessment) -> Finding? {
            var assessment = base
            if let citation { assessment.cite(citation) }
            if let problem {
                assessment.fail(problem.message, fix: problem.fix)
                return assessment.finding(pass: "")
            }
            if let probeFailure, !assessment.hasFailures {
                return Finding(
                    status: .error, summary: "server-time probe failed: \(probeFailure)", evidence: assessment.evidence,
                    remediation: "Make the server-time probe succeed from the bot host (network, DNS, TLS, bot.base_url), then run preflight again."
                )
            }
            return nil
        }
    }

    static func measureOffset(_ evidence: Evidence, policy: Policy) -> OffsetVerdict {
        let manifest = evidence.manifest
        guard let probe = evidence.exchange else { return OffsetVerdict(fact: MissingEvidence.exchange) }
        switch probe.clock {
        case let .unavailable(reason):
            return OffsetVerdict(fact: "offset not measured: \(reason)")
        case let .failed(endpoint, reason):
            return OffsetVerdict(fact: "offset not measured: \(reason)",
                                 citation: EvidenceRef(.exchange, at: probe.location(endpoint), "GET \(endpoint) failed"),
                                 probeFailure: reason)
        case let .measured(clock):
            let window = manifest.clock?.recvWindowMs?.value ?? manifest.bot.exchange.value.defaultRecvWindowMs ?? 5000
            let limit = policy[.offsetShareOfRecvWindow] * Double(window)
            let direction = clock.offsetMs >= 0 ? "behind" : "ahead of"
            let measured = "local clock \(NumberText.whole(abs(clock.offsetMs))) ms \(direction) \(probe.exchange.rawValue)'s server time"
            let detail = "\(measured) (round trip \(String(format: "%.1f", clock.roundTripMs)) ms, best of \(clock.samples), resolution \(Int(clock.resolutionMs)) ms)"
            let citation = EvidenceRef(.exchange, at: probe.location(clock.endpoint), detail)
            guard abs(clock.offsetMs) > limit else {
                return OffsetVerdict(fact: "\(measured), within \(Int(limit)) ms", citation: citation)
            }
            let share = Int((policy[.offsetShareOfRecvWindow] * 100).rounded())
            return OffsetVerdict(
                fact: measured, citation: citation,
                problem: (
                    "\(measured); the limit is \(Int(limit)) ms (\(share)% of the \(window) ms recvWindow)",
                    """
                    Synchronise the bot host's clock (chrony or systemd-timesyncd polling at most every 15 minutes, see A5) \
                    until the offset to the exchange is under \(Int(limit)) ms; have the bot measure the offset at start \
                    and correct its request timestamps by it.
                    """
                )
            )
        }
    }
}
