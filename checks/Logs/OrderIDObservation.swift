import PreflightModel

/// What the logs show of client order ids (D2): on every order and cancel, reused by retries,
/// never shared by distinct orders. Order records and the api_request records that place or cancel
/// orders are both read, each judged on its own: an order record with an id does not excuse a
/// placement request logged without one.
struct OrderIDObservation: LogObservation {
    let kinds: [OrderIDFacts]
    let noRecords: String
    /// The first log file read, for citing the logs as a whole.
    let readLocation: SourceLocation?

    /// Records in a format with no place for a client order id (freqtrade's text): neither for nor against.
    let withoutIDField: Int

    init(_ logs: LogEvidence) {
        let all = [logs.lifecycle.orderRecordIDs, logs.lifecycle.orderRequestIDs]
        kinds = all.filter { $0.total > $0.recordsWithoutIDField }
        withoutIDField = all.reduce(0) { $0 + $1.recordsWithoutIDField }
        noRecords = withoutIDField > 0
            ? "the \(withoutIDField) order records are in a format that writes no client order id"
            : logs.noRecordsText([.orderSubmit, .orderCancel]) + " and no api_request record places or cancels an order"
        readLocation = logs.scan.files.first.map { SourceLocation(file: $0) }
    }

    /// Order records that could carry a client order id.
    var records: Int { kinds.reduce(0) { $0 + $1.total - $1.recordsWithoutIDField } }
    var missingIDs: Bool { kinds.contains(where: \.missingIDs) }
    var hasProblems: Bool { kinds.contains(where: \.hasProblems) }
    var retriesReusingID: Int { kinds.reduce(0) { $0 + $1.retriesReusingID } }
    var retriesWithNewID: Int { kinds.reduce(0) { $0 + $1.retriesWithNewID.count } }

    static func names(_ facts: OrderIDFacts) -> (placements: String, cancellations: String) {
        facts.records == .apiRequest ? ("api_request order placement", "api_request cancellation") : ("order_submit", "order_cancel")
    }

    var summary: String {
        guard records > 0 else { return noRecords }
        return kinds.map { facts in
            let (placements, cancellations) = Self.names(facts)
            let withoutIDs = facts.placementsWithoutID.count + facts.cancellationsWithoutID.count
            return "\(facts.placements) \(placements) and \(facts.cancellations) \(cancellations) records, \(withoutIDs == 0 ? "all" : "\(facts.total - withoutIDs)") with client order ids; \(facts.retriesReusingID) retries reusing theirs"
        }.joined(separator: "; ")
    }

    var measured: String {
        guard records > 0 else { return "no order_submit, order_cancel or order request records (logs)" }
        return kinds.map { facts in
            let (submits, cancels) = facts.records == .apiRequest ? ("placement requests", "cancel requests") : ("submits", "cancels")
            return "\(facts.placementsWithoutID.count)/\(facts.placements) \(submits) and \(facts.cancellationsWithoutID.count)/\(facts.cancellations) \(cancels) without an id; \(facts.retriesWithNewID.count) retries with a new id, \(facts.retriesReusingID) reusing; \(facts.sharedIDs.count) ids shared by distinct orders"
        }.joined(separator: "; ") + " (logs)"
    }

    func judge(into assessment: inout Assessment, orders: OrdersSection?) {
        if withoutIDField > 0 {
            assessment.note("\(withoutIDField) order records are in a log format that writes no client order id (the framework's text): the declaration decides for them")
        }
        guard records > 0 else {
            assessment.note("ids in the order records not checked: \(noRecords)")
            return
        }
        for facts in kinds { judge(facts, into: &assessment, orders: orders) }
        if !hasProblems {
            assessment.cite(EvidenceRef(.logs, at: readLocation, summary))
        }
        for facts in kinds where facts.idsForgotten > 0 {
            assessment.note("\(facts.idsForgotten) older client order ids were forgotten (preflight remembers at least the last \(facts.idMemoryCapacity) distinct ids); repeats of those could not be seen")
        }
    }

    private func judge(_ facts: OrderIDFacts, into assessment: inout Assessment, orders: OrdersSection?) {
        let declaredIDs = orders?.clientOrderIDs.map { $0.value ? "declares client_order_ids true at \($0.location); " : "" } ?? ""
        let (placements, cancellations) = Self.names(facts)
        for (tally, kind, total) in [(facts.placementsWithoutID, placements, facts.placements),
                                     (facts.cancellationsWithoutID, cancellations, facts.cancellations)] where !tally.isEmpty {
            assessment.fail(
                citing: tally, as: "\(kind) without client_order_id",
                "\(declaredIDs)\(tally.count) of \(total) \(kind) records in the logs carry no client order id (\(tally.exampleText))",
                fix: "Send a client order id on every placement and cancellation and log it as client_order_id (or map the bot's field name under logs.fields)."
            )
        }
        let newIDs = facts.retriesWithNewID
        if !newIDs.isEmpty {
            let declared = orders?.reuseIDOnRetry.map { $0.value ? "declares reuse_id_on_retry true at \($0.location); " : "" } ?? ""
            assessment.fail(
                citing: newIDs, as: "retry with a new client order id",
                "\(declared)the logs show \(newIDs.count) retr\(newIDs.count == 1 ? "y" : "ies") of a placement (\(placements) records) sent with a client order id no earlier attempt carried (\(newIDs.exampleText))",
                fix: "Keep the client order id across retries of the same order, so that the exchange rejects a duplicate instead of placing it twice."
            )
        }
        let shared = facts.sharedIDs
        if !shared.isEmpty {
            assessment.fail(
                citing: shared, as: "client order id shared by distinct orders",
                "the logs show \(shared.count) new order\(shared.count == 1 ? "" : "s") reusing a client order id an earlier order already carried (\(shared.exampleText))",
                fix: "Make each new order's id unique (a prefix plus a counter persisted across restarts, or a random suffix); only a retry of the same order may reuse its id (log it with attempt > 1)."
            )
        }
    }
}
