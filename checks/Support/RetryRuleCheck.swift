import PreflightModel

/// The shape of B2–B4 and C1–C4: a verdict on what the manifest declares, weighed against what the logs show.
///
/// The declared verdict says nothing about logs; `weigh` adds that the logs were missing, or merges what they
/// showed (observed outranks declared, within what `weighing` allows).
protocol RetryRuleCheck: Check {
    /// What the logs would have been checked for, worded to stand before ": no log samples given".
    var checkedInLogs: String { get }
    func declaredFinding(_ evidence: Evidence, policy: Policy) -> Finding
    func observe(_ logs: LogEvidence, in evidence: Evidence, policy: Policy) -> RetryLogObservation
    func weighing(_ logs: LogEvidence, in evidence: Evidence) -> RetryLogObservation.Weighing
}

extension RetryRuleCheck {
    func weigh(_ evidence: Evidence, policy: Policy) -> Finding {
        var declared = declaredFinding(evidence, policy: policy)
        guard let logs = evidence.logs else {
            if declared.status == .unknown {
                declared.summary += " and \(MissingEvidence.logs)"
            } else if declared.status != .fail {
                declared.details.append("\(checkedInLogs): \(MissingEvidence.logs)")
            }
            return declared
        }
        return observe(logs, in: evidence, policy: policy).merge(declared: declared, weighing(logs, in: evidence))
    }
}
