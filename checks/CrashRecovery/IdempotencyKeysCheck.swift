import PreflightModel

/// D2: every order carries a client order id, and a retry sends the same one.
public struct IdempotencyKeysCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "D2",
        name: "idempotency-keys",
        section: .crashRecovery,
        severity: .critical,
        summary: "Every order placement and cancellation carries a client order id; retries reuse it; distinct orders never share one.",
        rationale: """
            A placement that timed out may still have reached the book. Only a client order id lets the exchange \
            reject the retry as a duplicate, and lets the bot look the order up after a crash.
            """,
        rule: """
            fail unless orders.client_order_ids and orders.reuse_id_on_retry are true; fail on an OKX prefix \
            that is not alphanumeric; warn when orders.client_order_id_prefix leaves fewer than 8 characters of \
            the exchange's id limit (Binance, Bybit, Coinbase 36; OKX 32; Kraken 18) for the unique part; fail if \
            the logs show an order without an id or two distinct orders sharing one, or if, after a drill's crash, the \
            bot's new process places an order under a client order id the killed one had used. Not applicable to a \
            read-only bot.
            """,
        remediation: """
            Generate a unique client order id per order (a short prefix plus a counter or random suffix), send it \
            on placement and cancellation, keep it across retries, and declare orders.client_order_ids: true and \
            orders.reuse_id_on_retry: true in preflight.yml.
            """,
        evidenceSources: [.drill, .manifest, .logs],
        references: [
            "checklist D2",
            "https://developers.binance.com/docs/binance-spot-api-docs/rest-api/trading-endpoints",
            "https://www.okx.com/docs-v5/en/#order-book-trading-trade-post-place-order",
        ],
        frameworkRemediation: [
            "freqtrade": """
                freqtrade passes no client order id of its own: on binance, okx and coinbase ccxt stamps each placement \
                with a generated one, but freqtrade cancels by the exchange's order id, and a failed entry is placed again \
                by a later loop under a new id. config.json cannot change this: keep unfilledtimeout short, check open \
                orders on the exchange after any "Unable to create trade" line, and record the accepted risk as a \
                suppression for D2 with an owner and expiry.
                """,
        ]
    )

    /// Characters the unique part of a client order id needs, after the prefix.
    static let minUniqueChars = 8

    /// The exchange's longest client order id, and whether it takes only letters and digits.
    static func idLimit(_ exchange: Exchange) -> (length: Int, alphanumericOnly: Bool) {
        switch exchange {
        case .binance, .binanceFutures, .bybit, .coinbase: (36, false)
        case .okx: (32, true)
        case .kraken: (18, false)
        }
    }

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let finding = judgeDeclaredAndLogged(evidence, policy: policy)
        guard let drill = evidence.drill, finding.status != .notApplicable else { return finding }
        let weighed = DrillOrderIDs(drill).weigh(over: finding)
        return DrillRestartVerdict(drill)?.weighIDs(over: weighed) ?? weighed
    }

    private func judgeDeclaredAndLogged(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        if manifest.bot.effectiveMode == .readOnly {
            return .notApplicable(
                "the bot is read-only and places no orders",
                evidence: manifest.bot.mode.map { [.declared($0)] } ?? []
            )
        }
        let observed = evidence.logs.map(OrderIDObservation.init)
        guard let orders = manifest.orders else {
            return OrderIDObservation.undeclared(
                observed, missing: "no client order id policy declared (orders section)",
                expected: "an id on every order and cancel; retries reuse it; never shared",
                remediation: "Add an orders section to \(manifest.path) with client_order_ids: true and reuse_id_on_retry: true."
            ) { $0.judge(into: &$1, orders: nil) }
        }
        var assessment = Assessment()
        assessment.cite(orders.clientOrderIDs)
        assessment.cite(orders.reuseIDOnRetry)
        assessment.cite(orders.clientOrderIDPrefix)

        let logsShowIDs = observed.map { $0.records > 0 && !$0.missingIDs } ?? false
        let logsShowReuse = observed.map { $0.retriesReusingID > 0 && $0.retriesWithNewID == 0 } ?? false
        Self.judgeDeclaredIDs(
            orders.clientOrderIDs, logsShowIDs: logsShowIDs, wire: evidence.drill?.wire.lifecycle.orderRequestIDs,
            manifestPath: manifest.path, into: &assessment
        )
        Self.judgeDeclaredReuse(
            orders.reuseIDOnRetry, logsShowReuse: logsShowReuse, retriesReusingID: observed?.retriesReusingID ?? 0,
            manifestPath: manifest.path, into: &assessment
        )
        if let prefix = orders.clientOrderIDPrefix {
            Self.judgePrefix(prefix, exchange: manifest.bot.exchange.value, into: &assessment)
        }

        if let observed {
            observed.judge(into: &assessment, orders: orders)
            if observed.records > 0 {
                return assessment.finding(
                    pass: "the logs show \(observed.summary); no id shared by distinct orders",
                    measured: observed.measured,
                    expected: "an id on every order and cancel; retries reuse it; distinct orders never share one"
                )
            }
        } else {
            assessment.note("ids in the order records not checked: \(MissingEvidence.logs)")
        }
        return assessment.finding(
            pass: "every order carries a client order id and retries reuse it",
            measured: "client_order_ids = \(orders.clientOrderIDs?.value.description ?? "missing"), reuse_id_on_retry = \(orders.reuseIDOnRetry?.value.description ?? "missing") (declared)",
            expected: "both true"
        )
    }

    /// orders.client_order_ids, unless the logs show an id on every order record (they decide).
    private static func judgeDeclaredIDs(
        _ ids: Located<Bool>?, logsShowIDs: Bool, wire: OrderIDFacts?, manifestPath: String, into assessment: inout Assessment
    ) {
        // A drill's wire shows what the declaration can only summarise: placements stamped (by the client
        // library), cancellations by the exchange's order id.
        if let ids, !ids.value, let wire, wire.placements > 0, wire.placementsWithoutID.count == 0 {
            let cancels = wire.cancellationsWithoutID.count > 0
                ? "\(wire.cancellationsWithoutID.count) of \(wire.cancellations) cancellations go by the exchange's order id (\(wire.cancellationsWithoutID.exampleText))"
                : "no cancellation without one reached the wire, and client_order_ids is declared false at \(ids.location)"
            assessment.fail(
                "placements carry a client order id (all \(wire.placements) on the wire), but \(cancels)",
                fix: "Cancel and query orders by the client order id the placement carried (origClientOrderId on Binance), so that an order whose answer was lost can still be found and cancelled."
            )
            return
        }
        if logsShowIDs, ids?.value != true {
            assessment.note("declares client_order_ids \(ids.map { "false at \($0.location)" } ?? "missing"); the logs decide: every order record carries one")
        } else {
            assessment.requireTrue(
                ids, key: "orders.client_order_ids",
                missing: ("no client order ids declared (orders.client_order_ids missing)",
                          "Send a unique client order id on every placement and cancellation and add client_order_ids: true to the orders section of \(manifestPath)."),
                whenFalse: ("orders are sent without client order ids", "Send a unique client order id on every placement and cancellation")
            )
        }
    }

    /// orders.reuse_id_on_retry, unless the logs show every retry reusing its id (they decide).
    private static func judgeDeclaredReuse(
        _ reuse: Located<Bool>?, logsShowReuse: Bool, retriesReusingID: Int, manifestPath: String,
        into assessment: inout Assessment
    ) {
        if logsShowReuse, reuse?.value != true {
            assessment.note("declares reuse_id_on_retry \(reuse.map { "false at \($0.location)" } ?? "missing"); the logs decide: \(retriesReusingID) retries reuse their id")
        } else {
            assessment.requireTrue(
                reuse, key: "orders.reuse_id_on_retry",
                missing: ("retries are not declared to reuse the client order id (orders.reuse_id_on_retry missing)",
                          "Keep the client order id across retries and add reuse_id_on_retry: true to the orders section of \(manifestPath)."),
                whenFalse: ("a retry sends a new client order id, so a timed-out order can be placed twice", "Keep the client order id across retries of the same order")
            )
        }
    }

    /// The prefix must use characters the exchange accepts and leave room for the unique part.
    private static func judgePrefix(_ prefix: Located<String>, exchange: Exchange, into assessment: inout Assessment) {
        let limit = idLimit(exchange)
        let length = prefix.value.count
        let room = limit.length - length
        if limit.alphanumericOnly,
           !prefix.value.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) {
            let cleaned = String(prefix.value.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.map(Character.init))
            assessment.fail(
                "client order id prefix \"\(prefix.value)\" has characters \(exchange.rawValue) rejects (letters and digits only)",
                fix: "Use only letters and digits in orders.client_order_id_prefix at \(prefix.location)\(cleaned.isEmpty ? "" : ", e.g. \"\(cleaned)\"")."
            )
        }
        if room < minUniqueChars {
            let maxPrefix = limit.length - minUniqueChars
            assessment.warn(
                "client order id prefix \"\(prefix.value)\" is \(length) characters, leaving \(max(room, 0)) of \(exchange.rawValue)'s \(limit.length) for the unique part",
                fix: "Shorten orders.client_order_id_prefix at \(prefix.location) to at most \(maxPrefix) characters."
            )
        }
    }
}
