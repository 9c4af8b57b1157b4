import PreflightModel

/// The orders of one kind of order record, in one pass and bounded memory. D1: the first order
/// after each startup, and whether a reconcile record came before it. D2: placements and
/// cancellations without a client order id, retries (attempt > 1) that reuse or replace theirs,
/// ids shared by distinct orders, and ids placed again after a restart.
struct OrderLedger {
    private(set) var ids = ClientOrderIDMemory()
    private(set) var placements = 0
    private(set) var cancellations = 0
    private(set) var placementsWithoutID = CitedPositions()
    private(set) var cancellationsWithoutID = CitedPositions()
    private(set) var retriesReusingID = 0
    /// Placements and cancellations in a format that cannot carry a client order id.
    private(set) var idsNotInFormat = 0
    private(set) var retriesWithNewID = CitedPositions()
    private(set) var sharedIDs = CitedPositions()
    private(set) var placedAgainAfterRestart = CitedPositions()
    /// The startup whose first order has not come yet, while no reconcile record has either.
    private var awaitingReconcile: LogPosition?
    private(set) var startupsReconciledFirst = 0
    private(set) var ordersBeforeReconcile = CitedPositions()
    /// For api_request records, which often log every HTTP attempt without numbering it: a repeated
    /// id without an attempt number is a retry unless the exchange accepted the earlier request.
    let unnumberedRepeatsMayBeRetries: Bool

    init(unnumberedRepeatsMayBeRetries: Bool = false) {
        self.unnumberedRepeatsMayBeRetries = unnumberedRepeatsMayBeRetries
    }

    mutating func startup(at position: LogPosition) { awaitingReconcile = position }

    mutating func reconcile() {
        if awaitingReconcile != nil {
            startupsReconciledFirst += 1
            awaitingReconcile = nil
        }
    }

    mutating func cancel(_ event: LogEvent) {
        cancellations += 1
        if event.formatOmitsClientOrderID {
            idsNotInFormat += 1
        } else if (event.clientOrderID ?? "").isEmpty {
            cancellationsWithoutID.record(event.position)
        }
    }

    /// `startups`: how many startups came before the record.
    mutating func place(_ event: LogEvent, startups: Int) {
        placements += 1
        if let startup = awaitingReconcile {
            ordersBeforeReconcile.record(event.position, "first order after the startup at line \(startup.line), before any reconcile record")
            awaitingReconcile = nil
        }
        guard let id = event.clientOrderID, !id.isEmpty else {
            if event.formatOmitsClientOrderID { idsNotInFormat += 1 } else { placementsWithoutID.record(event.position) }
            return
        }
        let isRetry = (event.attempt ?? 1) > 1
        let accepted = event.status.map { (200..<300).contains($0) } ?? false
        let fingerprint = ClientOrderIDMemory.fingerprint(id)
        let epoch = Int32(clamping: startups)
        guard let seen = ids.lookup(fingerprint) else {
            if isRetry { retriesWithNewID.record(event.position, "attempt \(event.attempt ?? 0) with id \(id), which no earlier attempt carried") }
            ids.remember(fingerprint, .init(epoch: epoch, fileIndex: Int32(clamping: event.position.fileIndex),
                                            line: Int32(clamping: event.position.line), accepted: accepted))
            return
        }
        if seen.epoch < epoch {
            placedAgainAfterRestart.record(event.position, "id \(id) was first submitted at line \(seen.line), before a restart")
        } else if isRetry || (unnumberedRepeatsMayBeRetries && event.attempt == nil && !seen.accepted) {
            retriesReusingID += 1
            if accepted, !seen.accepted {
                var updated = seen
                updated.accepted = true
                ids.remember(fingerprint, updated)
            }
        } else {
            sharedIDs.record(event.position, "id \(id) already used by the order at line \(seen.line)")
        }
    }

    /// Writes the restart facts (D1); `placementField` names the placement records in citations.
    func writeRestarts(into facts: inout LifecycleLogFacts, scan: LogScan, placementField: String) {
        facts.startupsReconciledFirst = startupsReconciledFirst
        facts.ordersBeforeReconcile = ordersBeforeReconcile.tally(in: scan, field: placementField)
        facts.resubmittedAfterRestart = placedAgainAfterRestart.tally(in: scan, field: "client_order_id")
    }

    /// The client order id facts (D2) of these records.
    func idFacts(records: LogEventKind, scan: LogScan) -> OrderIDFacts {
        var facts = OrderIDFacts(records: records)
        facts.placements = placements
        facts.cancellations = cancellations
        facts.placementsWithoutID = placementsWithoutID.tally(in: scan, field: "client_order_id")
        facts.cancellationsWithoutID = cancellationsWithoutID.tally(in: scan, field: "client_order_id")
        facts.retriesReusingID = retriesReusingID
        facts.retriesWithNewID = retriesWithNewID.tally(in: scan, field: "client_order_id")
        facts.sharedIDs = sharedIDs.tally(in: scan, field: "client_order_id")
        facts.recordsWithoutIDField = idsNotInFormat
        facts.idMemoryCapacity = ids.generationLimit
        facts.idsForgotten = ids.forgotten
        return facts
    }
}
