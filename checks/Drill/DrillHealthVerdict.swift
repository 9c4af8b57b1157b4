import PreflightModel

/// E4 from the drill's polls of the bot's health endpoint: it must answer while the bot runs, and answer
/// otherwise (status, or a body that is otherwise steady) while the drill holds its streams down.
struct DrillHealthVerdict {
    let drill: DrillEvidence
    let health: DrillHealthRecord

    init?(_ drill: DrillEvidence?) {
        guard let drill, let health = drill.process?.health else { return nil }
        self.drill = drill
        self.health = health
    }

    func weigh(over finding: Finding) -> Finding {
        if let reason = health.notPolled {
            return noted(finding, "the drill did not poll the health endpoint \(health.url): \(reason)")
        }
        let calm = health.phases.filter { $0.faults.isEmpty }
        let outages = health.phases.filter { $0.streamsDown && $0.polls > 0 }
        let polls = health.phases.map(\.polls).reduce(0, +)
        let answered = health.phases.map { $0.polls - $0.unanswered }.reduce(0, +)
        let first = health.phases.compactMap(\.firstPoll).first
        let cited = first.map { [EvidenceRef(.drill, at: $0, "health poll")] } ?? []
        guard answered > 0 else {
            return verdict(.fail, over: finding, summary: "the health endpoint \(health.url) answered none of \(polls) polls during the drill", evidence: cited,
                           fix: "Serve the declared health endpoint from the bot process (\(health.url)) and keep it answering while the bot runs.")
        }
        // The usual answer is the calm phases' most frequent one (a bot starting up may say degraded first).
        var calmCounts: [String: Int] = [:]
        for phase in calm { calmCounts.merge(phase.answers, uniquingKeysWith: +) }
        let usual = calmCounts.max { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }
        let answeredText = "answered \(answered) of \(polls) polls (\(Set(health.phases.flatMap(\.statuses)).sorted().map(String.init).joined(separator: ", ")))"
        guard !outages.isEmpty, let usual else {
            return noted(finding, "the health endpoint \(answeredText); the scenario held no stream outage in which to see it say degraded")
        }
        let usualStatus = usual.key.split(separator: " ").first.map(String.init) ?? ""
        let outageStatuses = Set(outages.flatMap(\.statuses).map(String.init))
        // A body that changes on every poll (a timestamp in it) cannot tell an outage apart by itself.
        let steadyBody = usual.value * 2 >= calmCounts.values.reduce(0, +)
        let otherStatuses = outageStatuses.subtracting([usualStatus]).sorted()
        let otherBody = steadyBody && outages.contains { $0.answers.keys.contains { $0 != usual.key && $0.hasPrefix(usualStatus + " ") } }
        let outageNames = outages.map(\.name).joined(separator: ", ")
        let outageCited = outages.compactMap(\.firstPoll).prefix(1).map { EvidenceRef(.drill, at: $0, "health poll while the streams were down") } + cited
        if !otherStatuses.isEmpty || otherBody {
            let how = otherStatuses.isEmpty ? "another body than its usual \(usualStatus)" : "status \(otherStatuses.joined(separator: ", ")) instead of its usual \(usualStatus)"
            return verdict(.pass, over: finding, summary: "the health endpoint \(answeredText), and said otherwise (\(how)) while the drill held the streams down (\(outageNames))", evidence: outageCited, fix: nil)
        }
        return verdict(
            .fail, over: finding,
            summary: "the health endpoint \(answeredText) but gave the same answer while the drill held the streams down (\(outageNames))\(steadyBody ? "" : "; its body changes on every poll, so only the status can tell")",
            evidence: outageCited,
            fix: "Make \(health.url) report stream state: answer 503 (or a body saying degraded) when a market stream has been down or silent for more than a few seconds."
        )
    }

    private func noted(_ finding: Finding, _ note: String) -> Finding {
        var finding = finding
        finding.details.append(note)
        return finding
    }

    private func verdict(_ status: Status, over finding: Finding, summary: String, evidence: [EvidenceRef], fix: String?) -> Finding {
        if status == .pass, finding.status == .fail || finding.status == .error {
            return noted(finding, "the drill shows: \(summary)")
        }
        var details = finding.status == status ? [] : ["before the drill: \(finding.summary)"]
        details.append("polled every \(NumberText.short(health.intervalSeconds)) s through the drill, closer while the streams were down")
        details += DrillVerdicts.phases(of: evidence, in: drill, fallback: health.phases.filter { $0.polls > 0 }.compactMap { polled in drill.phases.first { $0.name == polled.name } })
        return Finding(
            status: status, summary: summary, details: details, evidence: evidence + finding.evidence,
            measured: summary, expected: "answers while the bot runs, and differently while its streams are down", remediation: fix
        )
    }
}
