import PreflightModel

/// What the logs show of client order ids (D2): on every order and cancel, reused by retries,
/// never shared by distinct orders.
struct OrderIDObservation {
    let facts: LifecycleLogFacts
    let noRecords: String
    /// The first log file read, for citing the logs as a whole.
    let readLocation: SourceLocation?

    init(_ logs: LogEvidence) {
        facts = logs.lifecycle
        noRecords = logs.noRecordsText([.orderSubmit, .orderCancel])
        readLocation = logs.scan.files.first.map { SourceLocation(file: $0) }
    }

    var records: Int { facts.orderSubmits + facts.orderCancels }
    /// What the placement and cancellation records are, as the logs hold them.
    var placementRecords: String { facts.orderIDsFromRequests ? "api_request order placement" : "order_submit" }
    var cancellationRecords: String { facts.orderIDsFromRequests ? "api_request cancellation" : "order_cancel" }
    var missingIDs: Bool { !facts.submitsWithoutID.isEmpty || !facts.cancelsWithoutID.isEmpty }
    var hasProblems: Bool { missingIDs || !facts.retriesWithNewID.isEmpty || !facts.sharedIDs.isEmpty }

    var summary: String {
        guard records > 0 else { return noRecords }
        let withoutIDs = facts.submitsWithoutID.count + facts.cancelsWithoutID.count
        let source = facts.orderIDsFromRequests ? " (no order_submit or order_cancel records)" : ""
        return "\(facts.orderSubmits) \(placementRecords) and \(facts.orderCancels) \(cancellationRecords) records\(source), \(withoutIDs == 0 ? "all" : "\(records - withoutIDs)") with client order ids; \(facts.retriesReusingID) retries reusing theirs"
    }

    var measured: String {
        guard records > 0 else { return "no order_submit or order_cancel records (logs)" }
        let (submits, cancels) = facts.orderIDsFromRequests ? ("placement requests", "cancel requests") : ("submits", "cancels")
        return "\(facts.submitsWithoutID.count)/\(facts.orderSubmits) \(submits) and \(facts.cancelsWithoutID.count)/\(facts.orderCancels) \(cancels) without an id; \(facts.retriesWithNewID.count) retries with a new id, \(facts.retriesReusingID) reusing; \(facts.sharedIDs.count) ids shared by distinct orders (logs)"
    }

    func judge(into assessment: inout Assessment, orders: OrdersSection?) {
        guard records > 0 else {
            assessment.note("ids in the order records not checked: \(noRecords)")
            return
        }
        let declaredIDs = orders?.clientOrderIds.map { $0.value ? "declares client_order_ids true at \($0.location); " : "" } ?? ""
        for (tally, kind, total) in [(facts.submitsWithoutID, placementRecords, facts.orderSubmits),
                                     (facts.cancelsWithoutID, cancellationRecords, facts.orderCancels)] where !tally.isEmpty {
            for ref in tally.citations("\(kind) without client_order_id") { assessment.cite(ref) }
            assessment.fail(
                "\(declaredIDs)\(tally.count) of \(total) \(kind) records in the logs carry no client order id (\(tally.exampleText))",
                fix: "Send a client order id on every placement and cancellation and log it as client_order_id (or map the bot's field name under logs.fields)."
            )
        }
        let newIDs = facts.retriesWithNewID
        if !newIDs.isEmpty {
            for ref in newIDs.citations("retry with a new client order id") { assessment.cite(ref) }
            let declared = orders?.reuseIdOnRetry.map { $0.value ? "declares reuse_id_on_retry true at \($0.location); " : "" } ?? ""
            assessment.fail(
                "\(declared)the logs show \(newIDs.count) retr\(newIDs.count == 1 ? "y" : "ies") sent with a client order id no earlier attempt carried (\(newIDs.exampleText))",
                fix: "Keep the client order id across retries of the same order, so that the exchange rejects a duplicate instead of placing it twice."
            )
        }
        let shared = facts.sharedIDs
        if !shared.isEmpty {
            for ref in shared.citations("client order id shared by distinct orders") { assessment.cite(ref) }
            assessment.fail(
                "the logs show \(shared.count) new order\(shared.count == 1 ? "" : "s") reusing a client order id an earlier order already carried (\(shared.exampleText))",
                fix: "Make each new order's id unique (a prefix plus a counter persisted across restarts, or a random suffix); only a retry of the same order may reuse its id (log it with attempt > 1)."
            )
        }
        if !hasProblems {
            assessment.cite(EvidenceRef(.logs, at: readLocation, summary))
        }
        if facts.idsForgotten > 0 {
            assessment.note("\(facts.idsForgotten) older client order ids were forgotten (preflight remembers at least the last \(facts.idMemoryCapacity) distinct ids); repeats of those could not be seen")
        }
    }
}
