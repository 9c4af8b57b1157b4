import PreflightModel

/// Escalation records are the bot's own: a drill's wire cannot hold them. After a drill the wire judges the
/// retries, and a verdict not already failed still fails on the give-ups the bot's logs show without an
/// escalation; give-ups the wire saw and the logs follow none of are said to be unseen.
struct EscalationsInTheLogs {
    /// What gave up, in the summary's words: "auth failure(s)", "request(s) that gave up after a 5xx or timeout".
    let one: String
    let many: String
    let remediation: String

    /// `giveUps` counts what owed an escalation in one source's facts; `missing`, those the logs show without one.
    func weigh(
        _ evidence: Evidence, over finding: Finding, giveUps: (RetryLogFacts) -> Int, missing: (RetryLogFacts) -> LogRecordTally
    ) -> Finding {
        guard let drill = evidence.drill, ![.fail, .error, .notApplicable].contains(finding.status) else { return finding }
        let onTheWire = giveUps(drill.wire.retries)
        guard let logs = evidence.logs, giveUps(logs.retries) > 0 else {
            guard onTheWire > 0 else { return finding }
            var unseen = finding
            unseen.details.append(
                "the wire's records show \(counted(onTheWire)), but the bot's logs follow none of them to its end: whether each was escalated is not seen"
            )
            return unseen
        }
        return fail(finding, on: missing(logs.retries), window: logs.retries.escalationWindowSeconds)
    }

    private func counted(_ count: Int) -> String { count == 1 ? "1 \(one)" : "\(count) \(many)" }

    private func fail(_ finding: Finding, on missing: LogRecordTally, window: Double) -> Finding {
        guard !missing.isEmpty else { return finding }
        var failed = finding
        failed.status = .fail
        failed.details.insert(finding.summary, at: 0)
        failed.summary = "\(counted(missing.count)) \(missing.count == 1 ? "was" : "were") not followed by an escalation, kill_switch or circuit_breaker record in the logs within \(Int(window)) s\(RetryLogObservation.at(missing))"
        failed.evidence = missing.citations("no escalation") + finding.evidence
        failed.remediation = remediation
        return failed
    }
}
