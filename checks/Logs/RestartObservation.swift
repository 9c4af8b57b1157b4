import PreflightModel

/// What the logs show of restarts (D1): a reconcile record before each startup's first order, and
/// no client order id submitted again after a restart.
struct RestartObservation: LogObservation {
    let facts: LifecycleLogFacts
    let noRecords: String
    /// The first log file read, for citing the logs as a whole.
    let readLocation: SourceLocation?

    init(_ logs: LogEvidence) {
        facts = logs.lifecycle
        noRecords = logs.noRecordsText([.startup])
        readLocation = logs.scan.files.first.map { SourceLocation(file: $0) }
    }

    var startups: Int { facts.startups }
    var hasProblems: Bool { !facts.ordersBeforeReconcile.isEmpty || !facts.resubmittedAfterRestart.isEmpty }
    /// Every startup that placed an order reconciled first, and at least one did.
    var showsBlocking: Bool { facts.startupsReconciledFirst > 0 && facts.ordersBeforeReconcile.isEmpty }

    var summary: String {
        guard startups > 0 else { return noRecords }
        let early = facts.ordersBeforeReconcile.count
        return "\(startups) startup\(startups == 1 ? "" : "s"), \(facts.startupsReconciledFirst) reconciled before the first order, \(early) ordering before any reconcile"
    }

    var measured: String {
        guard startups > 0 else { return "no startup records (logs)" }
        return "\(startups) startups: \(facts.startupsReconciledFirst) reconciled first, \(facts.ordersBeforeReconcile.count) ordered first; \(facts.resubmittedAfterRestart.count) client order ids re-submitted after a restart (logs)"
    }

    func judge(into assessment: inout Assessment, block: Located<Bool>?) {
        guard startups > 0 else {
            assessment.note("restarts in the logs not checked: \(noRecords)")
            return
        }
        let early = facts.ordersBeforeReconcile
        if !early.isEmpty {
            let declared = block.map { $0.value ? "declares block_orders_until_reconciled true at \($0.location); " : "" } ?? ""
            assessment.fail(
                citing: early, as: "order before reconcile",
                "\(declared)the logs show \(early.count) of \(startups) startups placing an order before any reconcile record (\(early.exampleText))",
                fix: "Hold every new order until the startup reconcile (open orders, positions) has finished, and log a reconcile record when it does."
            )
        }
        let again = facts.resubmittedAfterRestart
        if !again.isEmpty {
            assessment.fail(
                citing: again, as: "client order id submitted again after a restart",
                "the logs show \(again.count) client order id\(again.count == 1 ? "" : "s") submitted again after a restart (\(again.exampleText))",
                fix: "Adopt the orders found by the startup reconcile instead of re-placing them, and derive new ids from state that survives a restart (never restart a counter at 1)."
            )
        }
        if !hasProblems { assessment.cite(EvidenceRef(.logs, at: readLocation, summary)) }
        if facts.primaryOrderIDs.idsForgotten > 0 {
            assessment.note("client order ids older than the last \(facts.primaryOrderIDs.idMemoryCapacity) were forgotten; re-submissions of those could not be seen")
        }
    }
}
