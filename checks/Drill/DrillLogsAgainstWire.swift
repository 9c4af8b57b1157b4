import PreflightModel

/// E2 and E3 with the bot's logs of a drill held against the wire of the same minutes: every stream the
/// stand-in closed needs its ws_disconnect record, and the offset the bot logged must have seen the clock
/// step the stand-in made. Where they disagree the wire is the truth, and the finding says both.
struct DrillLogsAgainstWire {
    let drill: DrillEvidence
    let logs: LogEvidence

    init?(_ evidence: Evidence) {
        guard let drill = evidence.drill, let logs = evidence.logs else { return nil }
        self.drill = drill
        self.logs = logs
    }

    /// E2: the logs hold at least as many ws_disconnect records as streams the stand-in closed.
    func weighDisconnects(over finding: Finding) -> Finding {
        guard let closed = drill.closedStreams, !closed.isEmpty, finding.status != .notApplicable else { return finding }
        let logged = logs.scan.eventsByKind[.wsDisconnect] ?? 0
        let both = "the stand-in closed \(closed.count) stream\(closed.count == 1 ? "" : "s"); the logs hold \(logged) ws_disconnect record\(logged == 1 ? "" : "s")"
        let refs = closed.prefix(3).map { EvidenceRef(.drill, at: $0, "stream closed by the stand-in") }
        var weighed = finding
        guard logged < closed.count else {
            weighed.details.append(both)
            weighed.details += DrillVerdicts.phases(of: refs, in: drill, fallback: drill.phases(with: "ws_disconnect"))
            return weighed
        }
        var details = ["\(both) (the wire decides)"]
        if finding.status != .fail { details.append("the logs alone: \(finding.summary)") }
        details += DrillVerdicts.phases(of: refs, in: drill, fallback: drill.phases(with: "ws_disconnect"))
        return Finding(
            status: .fail,
            summary: "\(closed.count - logged) of the \(closed.count) stream\(closed.count == 1 ? "" : "s") the stand-in closed left no ws_disconnect record in the logs",
            details: details, evidence: refs + finding.evidence,
            measured: "\(logged) ws_disconnect records for \(closed.count) closes (drill)", expected: "a ws_disconnect record for every closed stream",
            remediation: "Log a ws_disconnect record (stream, close_code, last_message_ago_ms, uptime_seconds) in the stream's error path, before any reconnect, for every way a connection ends."
        )
    }

    /// E3: after a clock step the bot's logged offset must reach at least half of what the wire measured.
    func weighOffsets(over finding: Finding) -> Finding {
        let steps = drill.phases(with: "clock_skew").filter(\.exercised)
        guard !steps.isEmpty, let measured = drill.wire.requests.offsetAlerts.worstOffset, abs(measured.value) >= 500 else { return finding }
        let logged = logs.requests.offsetAlerts.worstOffset
        guard logs.requests.offsetAlerts.recordsWithOffset > 0 else {
            var noted = finding
            noted.details.append("the wire measured offsets up to \(NumberText.short(abs(measured.value))) ms after the clock step; the logs carry no clock offset to compare")
            return noted
        }
        let loggedValue = logged.map { abs($0.value) } ?? 0
        let both = "the stand-in's clock was stepped: the wire measured offsets up to \(NumberText.short(abs(measured.value))) ms; the bot logged at most \(NumberText.short(loggedValue)) ms"
        let refs = [EvidenceRef(.drill, at: measured.location, "offset measured on the wire")] + (logged.map { [EvidenceRef(.logs, at: $0.location, "largest offset logged")] } ?? [])
        var weighed = finding
        guard loggedValue * 2 < abs(measured.value) else {
            weighed.details.append(both)
            weighed.details += DrillVerdicts.phases(of: refs, in: drill, fallback: steps)
            return weighed
        }
        var details = ["\(both) (the wire decides)"]
        if finding.status != .fail { details.append("the logs alone: \(finding.summary)") }
        details += DrillVerdicts.phases(of: refs, in: drill, fallback: steps)
        return Finding(
            status: .fail,
            summary: "the bot's logged clock offset missed the clock step: the wire measured \(NumberText.short(abs(measured.value))) ms, the logs show at most \(NumberText.short(loggedValue)) ms",
            details: details, evidence: refs + finding.evidence,
            measured: "logged \(NumberText.short(loggedValue)) ms against \(NumberText.short(abs(measured.value))) ms on the wire (drill)",
            expected: "the logged offset follows the exchange's clock",
            remediation: "Measure the offset against the exchange's server time (GET /api/v3/time) at start, every few minutes and after every -1021, and log that measured value as clock_offset_ms, not a constant."
        )
    }
}
