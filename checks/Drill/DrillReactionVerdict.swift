import PreflightModel

/// An item judged by what the bot sent after a provocation (a depth snapshot after a stream gap, a
/// server-time query after a clock step): a provocation left unanswered fails; answered every time, the
/// wire either decides (`decides`) or adds its evidence to the finding the rest of the item gave.
struct DrillReactionVerdict {
    let reaction: DrillReaction
    let drill: DrillEvidence
    /// "the stand-in skipped update ids in the depth stream"
    let provocation: String
    /// "fetch a depth snapshot", and "fetched a depth snapshot"
    let remedy: String
    let done: String
    let fix: String

    func weigh(over finding: Finding, decides: Bool) -> Finding {
        let phases = drill.phases(with: reaction.fault)
        guard !reaction.triggers.isEmpty else { return DrillVerdicts.unexercised(phases, over: finding) }
        let expected = "\(reaction.reaction) within \(NumberText.short(reaction.withinSeconds)) s of each provocation"
        let missed = reaction.missed
        guard missed.isEmpty else {
            let first = missed[0]
            var details = ["\(missed.count) of \(reaction.triggers.count) provocations went unanswered"]
            details += DrillVerdicts.phases(of: missed.map { EvidenceRef(.drill, at: $0.location, provocation) }, in: drill, fallback: phases)
            if finding.status != .pass { details.append("before the drill: \(finding.summary)") }
            return Finding(
                status: .fail,
                summary: "\(provocation) at \(first.location), and the bot did not \(remedy): no \(reaction.reaction) within \(NumberText.short(reaction.withinSeconds)) s",
                details: details,
                evidence: missed.prefix(5).map { EvidenceRef(.drill, at: $0.location, provocation) } + finding.evidence,
                measured: "\(reaction.triggers.count - missed.count) of \(reaction.triggers.count) provocations answered (drill)",
                expected: expected, remediation: fix
            )
        }
        let slowest = reaction.triggers.compactMap(\.reactionSeconds).max() ?? 0
        let shown = "after \(provocation), the bot \(done) each time (\(reaction.reaction), at most \(NumberText.tenths(slowest)) s later)"
        let refs = reaction.triggers.prefix(3).compactMap { trigger in trigger.reactionLocation.map { EvidenceRef(.drill, at: $0, reaction.reaction) } }
        var weighed = finding
        if decides {
            if finding.status != .pass { weighed.details.insert("the manifest says: \(finding.summary); the wire decides", at: 0) }
            weighed.status = .pass
            weighed.summary = shown
            weighed.remediation = nil
            weighed.measured = "\(reaction.triggers.count) of \(reaction.triggers.count) provocations answered (drill)"
            weighed.expected = expected
        } else {
            weighed.details.append(shown)
        }
        weighed.evidence = refs + weighed.evidence
        weighed.details += DrillVerdicts.phases(of: refs, in: drill, fallback: phases)
        return weighed
    }
}
