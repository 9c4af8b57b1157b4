import PreflightModel

/// E3: clock drift is logged per signed request and alerts well before requests start being rejected.
public struct ClockOffsetAlertCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "E3",
        name: "clock-offset-alert",
        section: .observability,
        severity: .high,
        summary: "The clock offset is logged on every signed request, and an alert fires at no more than half the recvWindow.",
        rationale: """
            Once the local clock drifts past the recvWindow, every signed request is rejected and the bot can \
            neither trade nor cancel. An alert at half the window leaves time to fix the clock before that happens.
            """,
        rule: """
            fail unless clock.logs_offset is true and clock.offset_alert_ms is declared at no more than 50% \
            (policy offset_share_of_recv_window) of the recvWindow (clock.recv_window_ms, else the exchange's \
            default); fail if logged offsets crossed the threshold (the stricter of the declared alert and the \
            policy's share of the recvWindow) without an alert record within 60 s: an escalation record, or a \
            warn-or-worse record of another kind that logs clock_offset_ms. Logged offset coverage on signed \
            requests (policy field_coverage) outranks clock.logs_offset. After a drill's clock step, fail if the \
            largest offset the bot logged is under half of what the wire measured.
            """,
        remediation: """
            Measure the offset against the exchange's server time, log it as clock_offset_ms on every signed \
            request, alert when it exceeds half the recvWindow, and declare clock.logs_offset: true and \
            clock.offset_alert_ms in preflight.yml.
            """,
        evidenceSources: [.manifest, .logs, .drill],
        references: [
            "checklist E3",
            "https://developers.binance.com/docs/binance-spot-api-docs/rest-api/endpoint-security-type#timing-security",
        ],
        frameworkRemediation: ["freqtrade": FrameworkClockAdvice.freqtrade]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let finding = judgeDeclaredAndLogged(evidence, policy: policy)
        return DrillLogsAgainstWire(evidence)?.weighOffsets(over: finding) ?? finding
    }

    private func judgeDeclaredAndLogged(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let share = policy[.offsetShareOfRecvWindow]
        let sharePercent = Int((share * 100).rounded())
        let exchange = manifest.bot.exchange.value
        let defaultWindow = exchange.defaultRecvWindowMs
        let logs = evidence.logs
        guard let clock = manifest.clock else {
            return Self.undeclared(logs: logs, window: defaultWindow ?? 5000, share: share, manifestPath: manifest.path)
        }

        var assessment = Assessment()
        assessment.cite(clock.recvWindowMs)
        assessment.cite(clock.offsetAlertMs)
        assessment.cite(clock.logsOffset)
        Self.judgeOffsetLogging(
            clock.logsOffset, logs: logs, required: policy[.fieldCoverage], manifestPath: manifest.path, into: &assessment
        )

        let recvWindow = clock.recvWindowMs?.value ?? defaultWindow
        Self.judgeAlertThreshold(
            clock.offsetAlertMs, recvWindow: recvWindow, share: share, manifestPath: manifest.path, into: &assessment
        )

        guard let recvWindow else {
            // Declared violations above still fail; otherwise the threshold cannot be judged.
            if assessment.hasFailures { return assessment.finding(pass: "") }
            return .unknown(
                "\(exchange.rawValue) has no default recvWindow to compare the alert with; declare clock.recv_window_ms",
                evidence: assessment.evidence,
                remediation: "Add recv_window_ms (the window the bot signs with) to the clock section of \(manifest.path)."
            )
        }
        if clock.recvWindowMs == nil {
            assessment.note("recvWindow taken as \(exchange.rawValue)'s default of \(recvWindow) ms")
        }
        if let logs {
            Self.judgeCrossings(logs.requests.offsetAlerts, into: &assessment)
        } else {
            assessment.note("offset crossings without alert records not checked against logs: \(MissingEvidence.logs)")
        }
        let alertText = clock.offsetAlertMs.map { "\($0.value) ms" } ?? "none"
        return assessment.finding(
            pass: "logs the clock offset and alerts at \(alertText), within \(sharePercent)% of the \(recvWindow) ms recvWindow",
            measured: "alert at \(alertText) (declared)" + (logs.map { logs in
                let alerts = logs.requests.offsetAlerts
                return "; \(alerts.recordsWithOffset) logged offsets, \(alerts.crossings) crossings, "
                    + "\(alerts.unalertedCrossings.count) without an alert (logs)"
            } ?? ""),
            expected: "at most \(Int(Double(recvWindow) * share)) ms, offset logged"
        )
    }

    /// No clock section: only logged offsets crossing the threshold without an alert can decide (they fail).
    private static func undeclared(logs: LogEvidence?, window: Int, share: Double, manifestPath: String) -> Finding {
        if let logs, !logs.requests.offsetAlerts.unalertedCrossings.isEmpty {
            var assessment = Assessment()
            judgeCrossings(logs.requests.offsetAlerts, into: &assessment)
            return assessment.finding(pass: "")
        }
        let logsText = logs.map { $0.requests.offsetAlerts.recordsWithOffset == 0 ? "the logs hold no clock_offset_ms values" : "" }
            ?? MissingEvidence.logs
        return .unknown(
            "no clock policy declared (clock section)\(logsText.isEmpty ? "" : " and \(logsText)")",
            remediation: """
                Add a clock section to \(manifestPath) with recv_window_ms: \(window), offset_alert_ms: \
                \(Int(Double(window) * share)) or less, and logs_offset: true.
                """
        )
    }

    /// Offset coverage on the logged signed requests outranks clock.logs_offset; without any, the declaration is judged.
    private static func judgeOffsetLogging(
        _ logsOffset: Located<Bool>?, logs: LogEvidence?, required: Double, manifestPath: String,
        into assessment: inout Assessment
    ) {
        if let coverage = logs?.requests.clockOffsetCoverage, coverage.records > 0 {
            let carried = "clock_offset_ms on \(coverage.percentText) of \(coverage.records) signed requests"
            if (coverage.share ?? 0) < required {
                assessment.fail(
                    citing: coverage.missing, as: "signed request without clock_offset_ms",
                    "logs show \(carried) (missing e.g. at \(coverage.missing.exampleText)); the rule is \(NumberText.whole(required * 100))%",
                    fix: "Log clock_offset_ms on every signed request record and keep clock.logs_offset: true in \(manifestPath)."
                )
            } else if let logs {
                assessment.cite(logs.readCitation(carried))
                if logsOffset?.value != true {
                    assessment.note("clock.logs_offset is not declared true, but the logs show \(carried); the logs decide")
                }
            }
        } else {
            assessment.requireTrue(
                logsOffset, key: "clock.logs_offset",
                missing: ("the clock offset is not declared as logged (clock.logs_offset missing)",
                          "Log clock_offset_ms on every signed request record and add logs_offset: true to the clock section of \(manifestPath)."),
                whenFalse: ("the clock offset is not logged on signed requests", "Log clock_offset_ms on every signed request record")
            )
        }
    }

    /// clock.offset_alert_ms must be positive and at most the policy's share of the recvWindow.
    private static func judgeAlertThreshold(
        _ alert: Located<Int>?, recvWindow: Int?, share: Double, manifestPath: String, into assessment: inout Assessment
    ) {
        let sharePercent = Int((share * 100).rounded())
        let maxAlert = recvWindow.map { Int(Double($0) * share) }
        let maxText = maxAlert.map { "\($0)" } ?? "\(sharePercent)% of recv_window_ms"
        guard let alert else {
            assessment.fail(
                "no clock offset alert declared (clock.offset_alert_ms missing)",
                fix: "Alert when the offset exceeds \(sharePercent)% of the recvWindow: add offset_alert_ms: \(maxText) (or less) to the clock section of \(manifestPath)."
            )
            return
        }
        if alert.value < 1 {
            assessment.fail(
                "clock.offset_alert_ms is \(alert.value); the alert threshold must be positive",
                fix: "Set clock.offset_alert_ms at \(alert.location) to a value from 1 to \(maxText)."
            )
        } else if let recvWindow, let maxAlert, alert.value > maxAlert {
            assessment.fail(
                "the offset alert at \(alert.value) ms exceeds \(sharePercent)% of the \(recvWindow) ms recvWindow",
                fix: "Lower clock.offset_alert_ms at \(alert.location) to at most \(maxAlert)."
            )
        }
    }

    /// Logged offsets beyond the alert threshold (the stricter of the declared one and the policy share of the
    /// recvWindow) fail unless an alert record (an escalation, or a warn-level
    /// record carrying the offset) lies within the alert window of the crossing.
    static func judgeCrossings(_ alerts: ClockOffsetAlertFacts, into assessment: inout Assessment) {
        guard alerts.recordsWithOffset > 0 else {
            assessment.note("the logs hold no clock_offset_ms values to check against the alert threshold")
            return
        }
        guard let threshold = alerts.thresholdMs.map({ Int($0) }) else {
            assessment.note("logged offsets not checked: no alert threshold or recvWindow to compare them with")
            return
        }
        let window = Int(alerts.alertWindowMs / 1000)
        let unalerted = alerts.unalertedCrossings
        if !unalerted.isEmpty {
            assessment.fail(
                citing: unalerted, as: "offset beyond \(threshold) ms without an alert",
                "logged offsets crossed the \(threshold) ms alert threshold \(unalerted.count) time\(unalerted.count == 1 ? "" : "s") "
                    + "without an alert record within \(window) s (\(unalerted.exampleText))",
                fix: """
                    Raise an alert (log an escalation record and page) whenever the measured clock offset exceeds \
                    \(threshold) ms; if the bot already alerts under another event name, map it to escalation under logs.events.
                    """
            )
            return
        }
        if let worst = alerts.worstOffset {
            assessment.cite(EvidenceRef(.logs, at: worst.location, "largest logged clock offset, \(NumberText.whole(worst.value)) ms"))
        }
        if alerts.crossings > 0 {
            assessment.note("logged offsets crossed \(threshold) ms \(alerts.crossings) time\(alerts.crossings == 1 ? "" : "s"), each with an alert record")
        } else {
            let worst = alerts.worstOffset.map { Int($0.value.rounded()) } ?? 0
            assessment.note("\(alerts.recordsWithOffset) logged offsets stayed within \(threshold) ms (largest \(worst) ms)")
        }
    }
}
