import PreflightModel

/// C5 from the wire: after as many failures of a class as its breaker's threshold, did the bot stop sending
/// that class for the cooldown (or until the phase ended)? One request in the window may probe the breaker.
struct DrillBreakerVerdict {
    let drill: DrillEvidence
    let breakers: CircuitBreakersSection?

    /// The checklist's suggested breakers, for a class the manifest leaves out.
    static let suggested: [String: (threshold: Int, cooldownSeconds: Int)] = [
        "auth": (1, 3600), "rate_limit": (3, 60), "platform": (5, 120),
    ]

    private struct Reading {
        var run: DrillFailureRun
        var label: String
        var threshold: Int
        var sent: Int
        var windowSeconds: Double
        var opening: SourceLocation
    }

    func weigh(over finding: Finding) -> Finding {
        var readings: [Reading] = [], unreached: [String] = []
        for run in drill.failureRuns {
            let label = drill.phases.first { $0.name == run.phase }?.label ?? run.phase
            let breaker = breaker(run.failureClass)
            let fallback = Self.suggested[run.failureClass] ?? (3, 60)
            let threshold = max(1, breaker?.failureThreshold?.value ?? fallback.threshold)
            guard run.failuresAtMs.count >= threshold else {
                if !run.requestsAtMs.isEmpty { unreached.append("\(run.failureClass) in \(label): \(run.failuresAtMs.count) failures, under the threshold of \(threshold)") }
                continue
            }
            let cooldownMs = Int(min(max(1, breaker?.cooldownSeconds?.value ?? fallback.cooldownSeconds), 86_400)) * 1000
            let openedAt = run.failuresAtMs[threshold - 1]
            let end = min(openedAt + cooldownMs, Int(run.phaseSeconds * 1000))
            let sent = run.requestsAtMs.filter { $0 > openedAt && $0 <= end }.count
            readings.append(Reading(run: run, label: label, threshold: threshold, sent: sent, windowSeconds: Double(max(0, end - openedAt)) / 1000,
                                    opening: run.failureLocations[threshold - 1]))
        }
        guard !readings.isEmpty else {
            var weighed = finding
            if !unreached.isEmpty { weighed.details.append("the drill did not reach a breaker's threshold: \(unreached.joined(separator: "; "))") }
            return weighed
        }
        let kept = readings.filter { $0.sent > 1 }
        let refs = readings.map { EvidenceRef(.drill, at: $0.opening, "failure \($0.threshold) of \($0.run.failureClass): the breaker should open") }
        let text = readings.map { "\($0.run.failureClass): \($0.sent) request\($0.sent == 1 ? "" : "s") in the \(NumberText.short($0.windowSeconds)) s after failure \($0.threshold) (\($0.label))" }
        guard let first = kept.first else {
            var weighed = finding
            weighed.details.append("the wire shows each breaker opening: \(text.joined(separator: "; "))")
            weighed.details += unreached.map { "not reached: \($0)" }
            weighed.evidence = refs + weighed.evidence
            weighed.details += DrillVerdicts.phases(of: refs, in: drill, fallback: drill.phases)
            return weighed
        }
        var details = text
        if finding.status != .pass { details.append("the manifest says: \(finding.summary)") }
        details += DrillVerdicts.phases(of: refs, in: drill, fallback: drill.phases)
        return Finding(
            status: .fail,
            summary: "no \(first.run.failureClass) breaker opened: after \(first.threshold) \(first.run.failureClass) failure\(first.threshold == 1 ? "" : "s") (\(first.opening)) the bot sent \(first.sent) more requests of that class within \(NumberText.short(first.windowSeconds)) s, in drill phase \(first.label)",
            details: details, evidence: refs + finding.evidence,
            measured: text.joined(separator: "; ") + " (drill)",
            expected: "at most 1 request per class (a probe) from the threshold's failure to the end of the cooldown",
            remediation: "Count consecutive failures per class in the bot's HTTP client; at failure_threshold, stop every request of that class (signed requests for auth, all for rate limits and 5xx) for cooldown_s, then let one probe through before closing the breaker, and declare each under circuit_breakers in the manifest."
        )
    }

    private func breaker(_ failureClass: String) -> CircuitBreakersSection.Breaker? {
        switch failureClass {
        case "auth": breakers?.auth
        case "rate_limit": breakers?.rateLimit
        default: breakers?.platform
        }
    }
}
