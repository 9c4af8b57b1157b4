import PreflightModel

/// Escalation records are the bot's own: a drill's wire cannot hold them. After a drill the wire judges the
/// retries, and a passing verdict still fails on the give-ups the bot's logs show without an escalation.
struct EscalationsInTheLogs {
    /// What gave up, in the summary's words: "auth failure(s)", "give-up(s) after a 5xx or timeout".
    let one: String
    let many: String
    let remediation: String

    func weigh(_ missing: LogRecordTally, window: Double, over finding: Finding) -> Finding {
        guard !missing.isEmpty else { return finding }
        var failed = finding
        failed.status = .fail
        failed.details.insert(finding.summary, at: 0)
        let count = missing.count == 1 ? "1 \(one) was" : "\(missing.count) \(many) were"
        failed.summary = "\(count) not followed by an escalation, kill_switch or circuit_breaker record in the logs within \(Int(window)) s\(RetryLogObservation.at(missing))"
        failed.evidence = missing.citations("no escalation") + finding.evidence
        failed.remediation = remediation
        return failed
    }
}
