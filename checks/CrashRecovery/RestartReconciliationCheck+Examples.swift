import PreflightModel

extension RestartReconciliationCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "spot bot reconciles open orders and blocks until done",
                manifest: """
                    recovery:
                      reconcile_on_start: [open_orders]
                      block_orders_until_reconciled: true
                    """,
                expect: .pass
            ),
            CheckExample(
                "futures bot reconciles orders and positions",
                manifest: """
                    bot:
                      name: example
                      exchange: binance-futures
                      markets: [futures]
                    recovery:
                      reconcile_on_start: [open_orders, positions]
                      block_orders_until_reconciled: true

                    """,
                expect: .pass
            ),
            CheckExample(
                "open orders not reconciled",
                manifest: """
                    recovery:
                      reconcile_on_start: [balances]
                      block_orders_until_reconciled: true
                    """,
                expect: .fail,
                mentioning: "open orders are not reconciled"
            ),
            CheckExample(
                "futures bot forgets positions",
                manifest: """
                    bot:
                      name: example
                      exchange: bybit
                      markets: [spot, futures]
                    recovery:
                      reconcile_on_start: [open_orders]
                      block_orders_until_reconciled: true

                    """,
                expect: .fail,
                mentioning: "positions are not reconciled"
            ),
            CheckExample(
                "orders not blocked during reconciliation",
                manifest: """
                    recovery:
                      reconcile_on_start: [open_orders]
                      block_orders_until_reconciled: false
                    """,
                expect: .fail,
                mentioning: "not blocked until reconciliation"
            ),
            CheckExample(
                "nothing reconciled",
                manifest: """
                    recovery:
                      block_orders_until_reconciled: true
                    """,
                expect: .fail,
                mentioning: "nothing is reconciled"
            ),
            CheckExample(
                "read-only bot",
                manifest: """
                    bot:
                      name: example
                      exchange: binance
                      mode: read_only
                    """,
                expect: .notApplicable,
                mentioning: "places no orders"
            ),
            CheckExample("no recovery section", manifest: """
                orders:
                  client_order_ids: true
                """, expect: .unknown),
            CheckExample(
                "logs: every start reconciles before its first order",
                manifest: """
                    recovery:
                      reconcile_on_start: [open_orders]
                      block_orders_until_reconciled: true
                    """,
                logs: RestartReconciliationCheck.lifeLog([
                    #""event":"startup""#, #""event":"reconcile","open_orders":2"#, #""event":"order_submit","client_order_id":"b-1""#,
                    #""event":"startup""#, #""event":"reconcile","open_orders":1"#, #""event":"order_submit","client_order_id":"b-2""#,
                ]),
                expect: .pass, mentioning: "2 startups, 2 reconciled before the first order"
            ),
            CheckExample(
                "logs: an order before the reconcile",
                manifest: """
                    recovery:
                      reconcile_on_start: [open_orders]
                      block_orders_until_reconciled: true
                    """,
                logs: RestartReconciliationCheck.lifeLog([
                    #""event":"startup""#, #""event":"order_submit","client_order_id":"b-1""#, #""event":"reconcile""#,
                ]),
                expect: .fail, mentioning: "declares block_orders_until_reconciled true"
            ),
            CheckExample(
                "logs: the same client order id placed again after a restart",
                manifest: """
                    recovery:
                      reconcile_on_start: [open_orders]
                      block_orders_until_reconciled: true
                    """,
                logs: RestartReconciliationCheck.lifeLog([
                    #""event":"startup""#, #""event":"reconcile""#, #""event":"order_submit","client_order_id":"b-1""#,
                    #""event":"startup""#, #""event":"reconcile""#, #""event":"order_submit","client_order_id":"b-1""#,
                ]),
                expect: .fail, mentioning: "submitted again after a restart"
            ),
        ]
    }

    /// JSON lines one minute apart from 2026-11-24T10:00:00Z, each with the given members.
    static func lifeLog(_ members: [String]) -> String {
        members.enumerated().map { index, body in
            #"{"ts":"2026-11-24T10:\#(index < 10 ? "0\(index)" : "\(index)"):00.000Z",\#(body)}"#
        }.joined(separator: "\n") + "\n"
    }
}
