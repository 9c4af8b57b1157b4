import PreflightModel

/// D2 from the wire: after the stand-in booked an order and dropped its answer (`lost_response`), did the
/// bot place it again under a new client order id? The stand-in holds both orders then: a double order.
struct DrillOrderIDs {
    let drill: DrillEvidence

    init(_ drill: DrillEvidence) { self.drill = drill }

    func weigh(over finding: Finding) -> Finding {
        let phases = drill.phases(with: "lost_response")
        guard !phases.isEmpty else { return finding }
        let names = phases.map(\.label).joined(separator: ", ")
        if let first = drill.duplicateOrders.first(where: { !$0.afterCrash }) {
            return doubleOrders(first, over: finding)
        }
        guard phases.contains(where: \.exercised) else {
            return DrillVerdicts.unexercised(phases, over: finding)
        }
        let resends = drill.wire.retries.platform
        var passed = Finding(
            status: .pass,
            summary: "no order was placed twice: after the stand-in dropped the answer to a booked order, the bot did not re-send it under a new client order id",
            details: ["\(resends.resentUnderSameID) re-sent under the same id, \(resends.statusQueriedFirst) queried before re-sending (drill)", "shown in drill phase \(names)"],
            evidence: [EvidenceRef(.drill, at: SourceLocation(file: drill.wirePath, line: phases[0].firstWireLine), "lost_response armed")],
            measured: "0 double orders on the stand-in (drill)",
            expected: "a re-sent order keeps its client order id, or its status is queried first"
        )
        if finding.status == .fail || finding.status == .error {
            passed.status = finding.status
            passed.summary = finding.summary
            passed.details.insert("the wire shows no double order, but \(finding.summary)", at: 0)
            passed.remediation = finding.remediation
        } else if finding.status != .pass {
            passed.details.append("before the drill: \(finding.summary)")
        }
        return passed
    }

    private func doubleOrders(_ first: DrillDuplicateOrder, over finding: Finding) -> Finding {
        let doubles = drill.duplicateOrders.filter { !$0.afterCrash }
        let count = doubles.count
        let phase = first.location.line.flatMap(drill.phase(atWireLine:)).map { " in drill phase \($0.label)" } ?? ""
        let id = first.clientOrderID.map { "client order id \($0)" } ?? "no client order id"
        var details = ["the stand-in booked order \(first.duplicateOfOrderID) and dropped its answer; the bot then placed order \(first.orderID) with the same terms under \(id)\(phase)"]
        if finding.status != .pass { details.append("before the drill: \(finding.summary)") }
        return Finding(
            status: .fail,
            summary: "placed \(count) order\(count == 1 ? "" : "s") twice after a lost answer: re-sent under a new client order id",
            details: details,
            evidence: doubles.prefix(5).map { EvidenceRef(.drill, at: $0.location, "order \($0.orderID) duplicates order \($0.duplicateOfOrderID)") } + finding.evidence,
            measured: "\(count) double order\(count == 1 ? "" : "s") on the stand-in (drill)",
            expected: "a re-sent order keeps its client order id, or its status is queried first",
            remediation: "Give every order a client order id before its first attempt and keep it on every retry (newClientOrderId on Binance); after a timeout or a dropped connection, query the order by that id (GET /api/v3/order?origClientOrderId=…) before placing it again."
        )
    }
}
