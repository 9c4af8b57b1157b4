import PreflightModel

/// The shape of B2–B4 and C1–C4: a verdict on what the manifest declares, weighed against what the logs
/// show, then against what a drill saw on the wire.
///
/// The declared verdict says nothing about logs; `weigh` adds that the logs were missing, or merges what they
/// showed (observed outranks declared, within what `weighing` allows). A drill's wire outranks both, through
/// the same `observe`: the wire record is read by the same fact builders as the logs.
protocol RetryRuleCheck: Check {
    /// What the logs would have been checked for, worded to stand before ": no log samples given".
    var checkedInLogs: String { get }
    /// The drill faults that provoke what the rule is about (`rate_limit`, `auth_revoked`, …).
    var drillFaults: [String] { get }
    func declaredFinding(_ evidence: Evidence, policy: Policy) -> Finding
    func observe(_ logs: LogEvidence, as witness: Witness, in evidence: Evidence, policy: Policy) -> RetryLogObservation
    func weighing(_ logs: LogEvidence, in evidence: Evidence) -> RetryLogObservation.Weighing
}

extension RetryRuleCheck {
    /// Unless a rule says otherwise, what the logs saw decides either way, and silent logs leave the
    /// declared verdict standing.
    func weighing(_ logs: LogEvidence, in evidence: Evidence) -> RetryLogObservation.Weighing {
        .init(overrulesDeclared: true)
    }

    func weigh(_ evidence: Evidence, policy: Policy) -> Finding {
        let declared = declaredFinding(evidence, policy: policy)
        let logged = weighLogs(declared, evidence, policy: policy)
        guard let drill = evidence.drill else { return logged }
        return weighWire(drill, declared: declared, logged: logged, evidence, policy: policy)
    }

    private func weighLogs(_ declared: Finding, _ evidence: Evidence, policy: Policy) -> Finding {
        var finding = declared
        if let logs = evidence.logs {
            finding = observe(logs, as: .logs, in: evidence, policy: policy).merge(declared: finding, weighing(logs, in: evidence))
        } else if finding.status == .unknown {
            finding.summary += " and \(MissingEvidence.logs)"
        } else if finding.status != .fail {
            finding.details.append("\(checkedInLogs): \(MissingEvidence.logs)")
        }
        return finding
    }

    /// The drill's verdict: what the wire showed in the phases that provoked the rule's faults, weighed
    /// against the declaration as the logs are (the wire outranks the logs: it saw every request). What the
    /// logs said stays in the finding as a note. A phase that armed the faults but that the bot never
    /// exercised leaves the item unknown (a failure already found stands).
    private func weighWire(_ drill: DrillEvidence, declared: Finding, logged: Finding, _ evidence: Evidence, policy: Policy) -> Finding {
        let phases = drill.phases.filter { !Set($0.faults).isDisjoint(with: drillFaults) }
        guard !phases.isEmpty else {
            var finding = logged
            finding.details.append("the drill (\(drill.scenario)) provoked none of \(drillFaults.joined(separator: ", ")), so the wire does not bear on this item")
            return finding
        }
        let exercised = phases.filter(\.exercised)
        guard !exercised.isEmpty else { return DrillVerdicts.unexercised(phases, over: logged) }
        let observation = observe(drill.wire, as: .wire, in: evidence, policy: policy).seen(by: .wire)
        var weighed = observation.merge(declared: declared, weighing(drill.wire, in: evidence))
        if evidence.logs != nil, logged.summary != declared.summary {
            weighed.details.append("the logs (\(logged.status.rawValue)): \(logged.summary)")
            weighed.evidence += logged.evidence.filter { $0.source == .logs }.prefix(2)
        }
        weighed.details += DrillVerdicts.phases(of: weighed.evidence, in: drill, fallback: exercised)
        return weighed
    }
}

/// What every item judged from the wire says the same way: the phase behind each citation, and a phase
/// the bot never exercised.
enum DrillVerdicts {
    static func unexercised(_ phases: [DrillPhaseRecord], over finding: Finding) -> Finding {
        let names = phases.map(\.label).joined(separator: ", ")
        let reason = "the drill armed \(names), but the bot sent nothing the fault applies to, so the wire cannot show how it handles it"
        guard finding.status != .fail, finding.status != .error else {
            var finding = finding
            finding.details.append(reason)
            return finding
        }
        var unknown = finding
        unknown.details.insert(finding.summary, at: 0)
        unknown.status = .unknown
        unknown.summary = reason
        unknown.remediation = "Run the drill with a bot command that trades during \(names) (place, query and cancel orders), or a scenario whose phases fit when the bot is busy."
        return unknown
    }

    /// Names the drill phase behind each wire citation.
    static func phases(of evidence: [EvidenceRef], in drill: DrillEvidence, fallback: [DrillPhaseRecord]) -> [String] {
        var named: [String] = []
        for ref in evidence where ref.source == .drill {
            guard let line = ref.location?.line, let phase = drill.phase(atWireLine: line) else { continue }
            let text = "shown in drill phase \(phase.label)"
            if !named.contains(text) { named.append(text) }
        }
        if named.isEmpty {
            named = ["judged on the wire during drill phase\(fallback.count == 1 ? "" : "s") \(fallback.map(\.label).joined(separator: ", "))"]
        }
        return named
    }
}
