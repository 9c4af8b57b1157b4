import PreflightModel

extension IdempotencyKeysCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "ids on every order, reused on retry",
                manifest: """
                    orders:
                      client_order_ids: true
                      reuse_id_on_retry: true
                      client_order_id_prefix: mspot-
                    """,
                expect: .pass
            ),
            CheckExample(
                "no client order ids",
                manifest: """
                    orders:
                      client_order_ids: false
                      reuse_id_on_retry: true
                    """,
                expect: .fail,
                mentioning: "without client order ids"
            ),
            CheckExample(
                "client order ids not declared",
                manifest: """
                    orders:
                      reuse_id_on_retry: true
                    """,
                expect: .fail,
                mentioning: "no client order ids declared"
            ),
            CheckExample(
                "retry sends a new id",
                manifest: """
                    orders:
                      client_order_ids: true
                      reuse_id_on_retry: false
                    """,
                expect: .fail,
                mentioning: "a retry sends a new client order id"
            ),
            CheckExample(
                "reuse on retry not declared",
                manifest: """
                    orders:
                      client_order_ids: true
                    """,
                expect: .fail,
                mentioning: "reuse_id_on_retry missing"
            ),
            CheckExample(
                "prefix too long for Kraken",
                manifest: """
                    bot:
                      name: example
                      exchange: kraken
                    orders:
                      client_order_ids: true
                      reuse_id_on_retry: true
                      client_order_id_prefix: momentum-spot-

                    """,
                expect: .warn,
                mentioning: "leaving 4 of kraken's 18"
            ),
            CheckExample(
                "OKX prefix with a dash",
                manifest: """
                    bot:
                      name: example
                      exchange: okx
                    orders:
                      client_order_ids: true
                      reuse_id_on_retry: true
                      client_order_id_prefix: mspot-

                    """,
                expect: .fail,
                mentioning: "letters and digits only"
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
            CheckExample("no orders section", manifest: """
                recovery:
                  block_orders_until_reconciled: true
                """, expect: .unknown),
            CheckExample(
                "logs: ids on every order, a retry reuses its id",
                manifest: """
                    orders:
                      client_order_ids: true
                      reuse_id_on_retry: true
                    """,
                logs: IdempotencyKeysCheck.orderLog([
                    #""event":"order_submit","client_order_id":"mspot-1","attempt":1"#,
                    #""event":"order_submit","client_order_id":"mspot-1","attempt":2"#,
                    #""event":"order_submit","client_order_id":"mspot-2""#,
                    #""event":"order_cancel","origClientOrderId":"mspot-2""#,
                ]),
                expect: .pass, mentioning: "1 retries reusing theirs"
            ),
            CheckExample(
                "logs: an order without an id",
                manifest: """
                    orders:
                      client_order_ids: true
                      reuse_id_on_retry: true
                    """,
                logs: IdempotencyKeysCheck.orderLog([
                    #""event":"order_submit","client_order_id":"mspot-1""#, #""event":"order_submit","symbol":"BTCUSDT""#,
                ]),
                expect: .fail, mentioning: "1 of 2 order_submit records in the logs carry no client order id"
            ),
            CheckExample(
                "logs: a retry with a fresh id",
                manifest: """
                    orders:
                      client_order_ids: true
                      reuse_id_on_retry: true
                    """,
                logs: IdempotencyKeysCheck.orderLog([
                    #""event":"order_submit","client_order_id":"mspot-1","attempt":1"#,
                    #""event":"order_submit","client_order_id":"mspot-1b","attempt":2"#,
                ]),
                expect: .fail, mentioning: "declares reuse_id_on_retry true"
            ),
            CheckExample(
                "logs: two orders share an id",
                manifest: """
                    orders:
                      client_order_ids: true
                      reuse_id_on_retry: true
                    """,
                logs: IdempotencyKeysCheck.orderLog([
                    #""event":"order_submit","client_order_id":"mspot-7""#, #""event":"order_submit","client_order_id":"mspot-7""#,
                ]),
                expect: .fail, mentioning: "reusing a client order id"
            ),
            CheckExample(
                "logs with api_request records only: unnumbered attempts reuse their id",
                manifest: """
                    orders:
                      client_order_ids: true
                      reuse_id_on_retry: true
                    """,
                logs: IdempotencyKeysCheck.orderLog([
                    #""event":"api_request","method":"POST","endpoint":"/api/v3/order","client_order_id":"mspot-1","status":503"#,
                    #""event":"api_request","method":"POST","endpoint":"/api/v3/order","client_order_id":"mspot-1","status":200"#,
                    #""event":"api_request","method":"GET","endpoint":"/api/v3/order","client_order_id":"mspot-1","status":200"#,
                    #""event":"api_request","method":"DELETE","endpoint":"/api/v3/order","client_order_id":"mspot-1","status":200"#,
                ]),
                expect: .pass,
                mentioning: "2 api_request order placement and 1 api_request cancellation records, all with client order ids; 1 retries reusing theirs"
            ),
            CheckExample(
                "logs with api_request records only: a numbered retry with a fresh id",
                manifest: """
                    orders:
                      client_order_ids: true
                      reuse_id_on_retry: true
                    """,
                logs: IdempotencyKeysCheck.orderLog([
                    #""event":"api_request","method":"POST","endpoint":"/api/v3/order","client_order_id":"mspot-1","attempt":1,"status":503"#,
                    #""event":"api_request","method":"POST","endpoint":"/api/v3/order","client_order_id":"mspot-1b","attempt":2,"status":200"#,
                ]),
                expect: .fail, mentioning: "1 retry of a placement (api_request order placement records) sent with a client order id no earlier attempt carried"
            ),
            CheckExample(
                "logs with api_request records only: an accepted id placed again",
                manifest: """
                    orders:
                      client_order_ids: true
                      reuse_id_on_retry: true
                    """,
                logs: IdempotencyKeysCheck.orderLog([
                    #""event":"api_request","method":"POST","endpoint":"/api/v3/order","client_order_id":"mspot-7","status":200"#,
                    #""event":"api_request","method":"POST","endpoint":"/api/v3/order","client_order_id":"mspot-7","status":200"#,
                    #""event":"api_request","method":"POST","endpoint":"/api/v3/order","status":200"#,
                ]),
                expect: .fail, mentioning: "1 of 3 api_request order placement records in the logs carry no client order id"
            ),
            CheckExample(
                "logs with order records too: a placement request without a client order id still fails",
                manifest: """
                    orders:
                      client_order_ids: true
                      reuse_id_on_retry: true
                    """,
                logs: IdempotencyKeysCheck.orderLog([
                    #""event":"order_submit","client_order_id":"mspot-1""#,
                    #""event":"api_request","method":"POST","endpoint":"/api/v3/order","client_order_id":"mspot-1","status":200"#,
                    #""event":"order_submit","client_order_id":"mspot-2""#,
                    #""event":"api_request","method":"POST","endpoint":"/api/v3/order","status":200"#,
                ]),
                expect: .fail, mentioning: "1 of 2 api_request order placement records in the logs carry no client order id"
            ),
            CheckExample(
                "logs with order records too: a retried placement request under a new id still fails",
                manifest: """
                    orders:
                      client_order_ids: true
                      reuse_id_on_retry: true
                    """,
                logs: IdempotencyKeysCheck.orderLog([
                    #""event":"order_submit","client_order_id":"mspot-1""#,
                    #""event":"api_request","method":"POST","endpoint":"/api/v3/order","client_order_id":"mspot-1","attempt":1,"status":503"#,
                    #""event":"api_request","method":"POST","endpoint":"/api/v3/order","client_order_id":"mspot-1r","attempt":2,"status":200"#,
                ]),
                expect: .fail, mentioning: "1 retry of a placement (api_request order placement records)"
            ),
        ]
    }

    /// JSON lines one second apart from 2026-11-24T10:00:00Z, each with the given members.
    static func orderLog(_ members: [String]) -> String {
        members.enumerated().map { index, body in
            #"{"ts":"2026-11-24T10:00:\#(index < 10 ? "0\(index)" : "\(index)").000Z",\#(body)}"#
        }.joined(separator: "\n") + "\n"
    }
}
