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
            and clock.logs_offset is not false; fail if clock.recv_window_ms is outside 1..60000; fail if the \
            offset measured now against the exchange's server time (several samples, the minimum-RTT one, \
            corrected by RTT/2) exceeds policy offset_share_of_recv_window (default 50%) of the recvWindow.
            """,
        remediation: """
            Measure the offset to the exchange's server time at start and periodically, log it as clock_offset_ms \
            on every signed request, and declare clock.recv_window_ms and clock.logs_offset: true in preflight.yml.
            """,
        evidenceSources: [.logs, .exchange, .manifest],
        references: ["checklist A6", "https://developers.binance.com/docs/binance-spot-api-docs/websocket-api/request-security"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let exchange = manifest.bot.exchange.value
        let suggestedWindow = exchange.defaultRecvWindowMs ?? 5000
        let range = Self.recvWindowRange
        let notObserved = "\(MissingEvidence.logs); \(MissingEvidence.exchange)"

        guard let clock = manifest.clock else {
            return .unknown(
                "no clock section declared (clock.logs_offset, clock.recv_window_ms); \(notObserved)",
                remediation: """
                    Add a clock section to \(manifest.path) with recv_window_ms: \(suggestedWindow) and \
                    logs_offset: true, and log clock_offset_ms on every signed request.
                    """
            )
        }

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
        if assessment.hasFailures {
            assessment.note("offset against the exchange's server time not measured: \(MissingEvidence.exchange)")
            return assessment.finding(pass: "")
        }

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
            finding.remediation = "Add \(missing.joined(separator: " and ")) to the clock section of \(manifest.path)."
        }
        return finding
    }

    public let examples: [CheckExample] = [
        CheckExample(
            "offset logging declared; logs and exchange not observed in this release",
            manifest: "clock:\n  recv_window_ms: 5000\n  logs_offset: true\n",
            expect: .unknown, mentioning: "recvWindow of 5000 ms"
        ),
        CheckExample(
            "recvWindow declared, offset logging not declared",
            manifest: "clock:\n  recv_window_ms: 5000\n",
            expect: .unknown, mentioning: "logs_offset is not declared"
        ),
        CheckExample(
            "offset not logged",
            manifest: "clock:\n  recv_window_ms: 5000\n  logs_offset: false\n",
            expect: .fail, mentioning: "do not carry the clock offset"
        ),
        CheckExample(
            "recvWindow above the exchange maximum",
            manifest: "clock:\n  recv_window_ms: 90000\n  logs_offset: true\n",
            expect: .fail, mentioning: "recv_window_ms is 90000"
        ),
        CheckExample(
            "recvWindow of zero",
            manifest: "clock:\n  recv_window_ms: 0\n  logs_offset: true\n",
            expect: .fail, mentioning: "recv_window_ms is 0"
        ),
        CheckExample(
            "no clock section",
            manifest: "retry:\n  max_attempts: 3\n",
            expect: .unknown, mentioning: "no clock section declared"
        ),
    ]
}
