import PreflightModel

/// C3: platform failures, the retries after them, chains that gave up with or without an escalation, and
/// orders whose outcome a timeout or 5xx left unknown: re-sent under the same id, a new one, or queried first.
struct PlatformFailures {
    static let pendingOrderLimit = 256

    private struct UnknownOutcomeOrder {
        var clientOrderID: String?
        var line: Int
        var time: LogInstant
        /// The chain whose last attempt left the outcome unknown: a status query ends it.
        var serial: UInt64
    }

    /// The plain counts, kept in the facts themselves; the cited places become tallies at the end.
    private var counts = PlatformFailureFacts()
    private var failures = CitedPositions()
    private var withoutEscalation = CitedPositions()
    private var unknownOutcomeOrders = CitedPositions()
    private var resentNew = CitedPositions()
    private var pending: [String: UnknownOutcomeOrder] = [:]
    private var oldestPending: LogInstant?

    var hasPendingOrders: Bool { !pending.isEmpty }

    mutating func failure(_ event: LogEvent, _ description: @autoclosure () -> String) {
        failures.record(event.position, description())
    }

    mutating func retried() { counts.retries += 1 }

    mutating func escalated(_ count: Int) {
        counts.chainsGivenUp += count
        counts.chainsEscalated += count
    }

    mutating func missedEscalation(at position: LogPosition, _ detail: String) {
        counts.chainsGivenUp += 1
        withoutEscalation.record(position, detail)
    }

    mutating func undecidedEscalation() { counts.chainsUndecided += 1 }

    /// An order placement that failed with a platform error, or a re-send of one whose outcome is unknown.
    mutating func trackOrderOutcome(_ event: LogEvent, failure: RequestFailureClass?, resend: Bool, serial: UInt64, _ description: () -> String) {
        guard event.isOrderPlacement else { return }
        let key = "\(event.kind.rawValue)\u{1}\(event.method ?? "")\u{1}\(event.endpoint ?? "")"
        if resend, let order = pending[key] {
            if let id = order.clientOrderID, id == event.clientOrderID {
                counts.resentUnderSameID += 1
            } else {
                let newID = event.clientOrderID.map { "new client order id \($0)" } ?? "no client order id"
                let oldID = order.clientOrderID ?? "an order without client order id"
                resentNew.record(
                    event.position,
                    "re-sent under \(newID) after \(oldID) got an unknown outcome on line \(order.line), without a status query"
                )
            }
            pending[key] = nil
        }
        if failure == .platform {
            unknownOutcomeOrders.record(event.position, description())
            if pending.count < Self.pendingOrderLimit || pending[key] != nil {
                pending[key] = UnknownOutcomeOrder(clientOrderID: event.clientOrderID, line: event.position.line, time: event.time, serial: serial)
                if oldestPending == nil { oldestPending = event.time }
            }
        }
    }

    /// An order whose outcome stayed unknown past the horizon is no longer waiting for its re-send.
    mutating func expirePendingOrders(now: LogInstant) {
        guard let oldest = oldestPending, now.nanoseconds &- oldest.nanoseconds > RetryChainLinker.horizonNanoseconds else { return }
        let horizon = now.nanoseconds &- RetryChainLinker.horizonNanoseconds
        pending = pending.filter { $0.value.time.nanoseconds >= horizon }
        oldestPending = pending.values.map(\.time).min()
    }

    /// A status query for one client order id settles that order; a query or reconcile naming none settles all.
    /// Returns the chains of the settled orders: they have ended and owe no escalation.
    mutating func settle(queried clientOrderID: String?) -> [UInt64] {
        var settled: [UInt64] = []
        for (key, order) in pending where clientOrderID == nil || order.clientOrderID == clientOrderID {
            counts.statusQueriedFirst += 1
            settled.append(order.serial)
            pending[key] = nil
        }
        return settled
    }

    func facts(in scan: LogScan, chains: (attempts: [Int: Int], most: [RetryChainExample])) -> PlatformFailureFacts {
        var facts = counts
        facts.failures = failures.tally(in: scan)
        facts.chainAttempts = chains.attempts
        facts.mostAttempts = chains.most
        facts.chainsWithoutEscalation = withoutEscalation.tally(in: scan)
        facts.unknownOutcomeOrders = unknownOutcomeOrders.tally(in: scan)
        facts.resentUnderNewID = resentNew.tally(in: scan)
        return facts
    }
}
