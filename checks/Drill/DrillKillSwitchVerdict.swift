import PreflightModel

/// D5 from a drill's `kill_switch` phase: the drill pulled the declared switch while the bot traded; no
/// order may reach the stand-in later than `kill_switch_halt_s` after it.
struct DrillKillSwitchVerdict {
    let drill: DrillEvidence
    let run: DrillKillSwitchRun
    let haltSeconds: Double

    init?(_ drill: DrillEvidence?, haltSeconds: Double) {
        guard let drill, let run = drill.process?.killSwitch.first else { return nil }
        self.drill = drill
        self.run = run
        self.haltSeconds = haltSeconds
    }

    /// A bot that placed nothing in the 10 s before the switch shows nothing by placing nothing after it.
    static let tradingWindowSeconds = 10.0

    func weigh(over finding: Finding) -> Finding {
        guard let engaged = run.engaged else {
            return unexercised(over: finding, "the drill could not engage the kill switch in phase \(run.phase): \(run.failure ?? "no engage recorded")")
        }
        let late = zip(run.placementsAfterSeconds, run.placementLocations).filter { $0.0 > haltSeconds }
        let halt = NumberText.short(haltSeconds)
        if let first = late.first, let last = late.last {
            return verdict(
                .fail, over: finding,
                summary: "\(late.count) order\(late.count == 1 ? "" : "s") reached the stand-in more than \(halt) s after the kill switch (\(run.kind) \(run.target)) was engaged, the last \(NumberText.tenths(last.0)) s after",
                evidence: [EvidenceRef(.drill, at: engaged, "kill switch engaged"), EvidenceRef(.drill, at: first.1, "order \(NumberText.tenths(first.0)) s after")],
                fix: "Make the order path check the kill switch before every placement (poll the \(run.kind.replacingOccurrences(of: "_", with: " ")) at least once a second) and cancel open orders when it is engaged."
            )
        }
        guard let before = run.lastPlacementBeforeSeconds, before <= Self.tradingWindowSeconds else {
            return unexercised(over: finding, "the bot placed no order in the \(Int(Self.tradingWindowSeconds)) s before the drill engaged the kill switch, so its silence after proves nothing")
        }
        guard run.engagedSeconds >= haltSeconds else {
            return unexercised(over: finding, "the kill switch stayed engaged only \(NumberText.tenths(run.engagedSeconds)) s, less than the \(halt) s it is given")
        }
        let within = run.placementsAfterSeconds.last.map { "; the last order came \(NumberText.tenths($0)) s after, within \(halt) s" }
            ?? "; the last order came \(NumberText.tenths(before)) s before it"
        return verdict(
            .pass, over: finding,
            summary: "the drill engaged the kill switch (\(run.kind) \(run.target)) while the bot traded, and no order reached the stand-in in the \(NumberText.tenths(run.engagedSeconds)) s it stayed engaged\(within)",
            evidence: [EvidenceRef(.drill, at: engaged, "kill switch engaged")] + (run.released.map { [EvidenceRef(.drill, at: $0, "released")] } ?? []),
            fix: nil
        )
    }

    private func unexercised(over finding: Finding, _ reason: String) -> Finding {
        var kept = finding
        guard finding.status == .pass else {
            kept.details.append(reason)
            return kept
        }
        kept.status = .unknown
        kept.details.insert("before the drill: \(finding.summary)", at: 0)
        kept.summary = reason
        kept.remediation = run.kind == "chat_command"
            ? "Exercise the chat command by hand and record kill_switch.last_exercised, or declare a flag_file, admin_endpoint or signal switch the drill can pull."
            : "Run the drill with a kill_switch phase while the bot trades, at least \(NumberText.short(haltSeconds + 3)) s long."
        return kept
    }

    private func verdict(_ status: Status, over finding: Finding, summary: String, evidence: [EvidenceRef], fix: String?) -> Finding {
        if status == .pass, finding.status == .fail || finding.status == .error {
            var kept = finding
            kept.details.insert("the wire shows: \(summary); but \(finding.summary)", at: 0)
            return kept
        }
        var details = finding.status == status ? [] : ["before the drill: \(finding.summary)"]
        if let release = run.releaseFailure { details.append("release: \(release)") }
        details += DrillVerdicts.phases(of: evidence, in: drill, fallback: drill.phases(with: "kill_switch"))
        return Finding(
            status: status, summary: summary, details: details, evidence: evidence + finding.evidence,
            measured: run.placementsAfterSeconds.isEmpty ? "no order after the switch (drill)" : "\(run.placementsAfterSeconds.count) orders after the switch, the last \(NumberText.tenths(run.placementsAfterSeconds.last ?? 0)) s after (drill)",
            expected: "no new order later than \(NumberText.short(haltSeconds)) s after the switch", remediation: fix
        )
    }
}
