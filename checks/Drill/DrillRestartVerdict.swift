import PreflightModel

/// D1, D2 and C3 from a drill's crashes: the bot SIGKILLed with orders open, the same command started
/// again, and what its new process sent. The wire decides over the declaration: it saw both processes.
struct DrillRestartVerdict {
    let drill: DrillEvidence
    let restarts: [DrillRestart]

    init?(_ drill: DrillEvidence?) {
        guard let drill, let restarts = drill.process?.restarts, !restarts.isEmpty else { return nil }
        self.drill = drill
        self.restarts = restarts
    }

    private var doubles: [DrillDuplicateOrder] { drill.duplicateOrders.filter(\.afterCrash) }

    /// Crashes that did not happen (attach mode, the bot gone) or whose new process placed nothing.
    private var unexercised: [String] {
        restarts.compactMap { restart in
            if let failure = restart.restartFailure, restart.restartLocation == nil { return "crash in phase \(restart.phase) not done: \(failure)" }
            if restart.killLocation == nil { return "crash in phase \(restart.phase) not done: the bot was not running" }
            if restart.queriedBeforePlacing == nil { return "after the crash in phase \(restart.phase) the bot's new process placed no order, so the drill cannot show what comes first" }
            return nil
        }
    }

    /// D1: after each restart an order query comes before the first new order, and nothing left open is placed again.
    func weighReconciliation(over finding: Finding) -> Finding {
        let unreconciled = restarts.filter { $0.queriedBeforePlacing == false }
        if !doubles.isEmpty || !unreconciled.isEmpty {
            var details: [String] = []
            var evidence: [EvidenceRef] = []
            for restart in unreconciled {
                details.append("after the restart at \(restart.restartLocation?.description ?? "?"), the first new order at \(restart.firstPlacement?.description ?? "?") came before any order query (open orders, order by id, all orders)")
                evidence += [restart.restartLocation, restart.firstPlacement].compactMap { $0 }.map { EvidenceRef(.drill, at: $0, "restart, then a new order") }
            }
            details += doubles.map(Self.doubleText)
            evidence += doubles.prefix(5).map { EvidenceRef(.drill, at: $0.location, "order \($0.orderID) places again order \($0.duplicateOfOrderID)") }
            return drillFinding(
                .fail, over: finding, summary: unreconciled.isEmpty
                    ? "after a crash the bot placed again \(doubles.count) order\(doubles.count == 1 ? "" : "s") its killed process had left open"
                    : "after a crash the bot placed a new order before asking the exchange about its orders",
                details: details, evidence: evidence,
                measured: "\(restarts.count - unreconciled.count) of \(restarts.count) restarts queried orders first; \(doubles.count) order\(doubles.count == 1 ? "" : "s") placed again (drill)",
                fix: "On start, before any new order, fetch open orders (GET /api/v3/openOrders) and adopt or cancel the ones the last process left; hold the order path until that is done."
            )
        }
        guard unexercised.isEmpty else { return noted(finding, unexercised) }
        let queries = restarts.compactMap { restart in restart.firstOrderQuery.map { EvidenceRef(.drill, at: $0, "GET \(restart.firstOrderQueryEndpoint ?? "order query") after the restart") } }
        let open = restarts.map(\.orphanedOrders.count).reduce(0, +)
        return drillFinding(
            .pass, over: finding,
            summary: "after each of \(restarts.count) crash\(restarts.count == 1 ? "" : "es") (SIGKILL with \(open) order\(open == 1 ? "" : "s") open), the restarted bot asked \(restarts[0].firstOrderQueryEndpoint ?? "the exchange") before its first new order and placed nothing again",
            details: [], evidence: queries,
            measured: "\(restarts.count) of \(restarts.count) restarts queried orders before placing (drill)", fix: nil
        )
    }

    /// D2: no new order after a restart reuses a client order id the killed process had used.
    func weighIDs(over finding: Finding) -> Finding {
        let reused = restarts.flatMap(\.reusedClientOrderIDs)
        guard let first = reused.first else { return finding }
        return drillFinding(
            .fail, over: finding,
            summary: "after a crash the bot's new process placed orders under \(reused.count) client order id\(reused.count == 1 ? "" : "s") the killed process had already used",
            details: reused.prefix(5).map { "client order id \($0.clientOrderID) at \($0.location), first used at \($0.firstUsed)" },
            evidence: [EvidenceRef(.drill, at: first.location, "client order id used again"), EvidenceRef(.drill, at: first.firstUsed, "first use")],
            measured: "\(reused.count) client order id\(reused.count == 1 ? "" : "s") reused after a restart (drill)",
            fix: "Make client order ids unique across processes (a random or time-based part, not a counter that restarts at 0) and persist the ones in flight so a restart queries them instead of re-using them."
        )
    }

    /// C3: an order left in an unknown state by the crash is not placed again.
    func weighReplacement(over finding: Finding) -> Finding {
        guard let first = doubles.first else { return finding }
        return drillFinding(
            .fail, over: finding,
            summary: "placed again \(doubles.count) order\(doubles.count == 1 ? "" : "s") whose outcome the crash left unknown to the bot: the exchange now holds both",
            details: doubles.prefix(5).map(Self.doubleText), evidence: [EvidenceRef(.drill, at: first.location, "placed again after the restart")],
            measured: "\(doubles.count) double order\(doubles.count == 1 ? "" : "s") after a restart (drill)",
            fix: "After a restart, resolve every order the last process may have placed (query open orders, or each in-flight client order id) before placing it again."
        )
    }

    static func doubleText(_ order: DrillDuplicateOrder) -> String {
        "order \(order.orderID) at \(order.location) has the terms of order \(order.duplicateOfOrderID), which the killed process left open\(order.clientOrderID.map { " (client order id \($0))" } ?? "")"
    }

    private func noted(_ finding: Finding, _ notes: [String]) -> Finding {
        var finding = finding
        finding.details += notes
        return finding
    }

    private func drillFinding(
        _ status: Status, over finding: Finding, summary: String, details: [String], evidence: [EvidenceRef], measured: String, fix: String?
    ) -> Finding {
        var details = details
        if status == .pass, finding.status == .fail || finding.status == .error {
            var kept = finding
            kept.details.insert("the wire shows: \(summary); but \(finding.summary)", at: 0)
            kept.evidence = evidence + kept.evidence
            return kept
        }
        if finding.status != status { details.append("before the drill: \(finding.summary)") }
        details += DrillVerdicts.phases(of: evidence, in: drill, fallback: drill.phases(with: "crash"))
        return Finding(
            status: status, summary: summary, details: details + unexercised, evidence: evidence + finding.evidence,
            measured: measured, expected: "after a restart, an order query before the first new order, and nothing placed twice",
            remediation: fix
        )
    }
}
