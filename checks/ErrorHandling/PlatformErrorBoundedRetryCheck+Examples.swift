import PreflightModel

extension PlatformErrorBoundedRetryCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "retries then escalates, queries unknown orders",
                manifest: Self.declaresSafeRetry,
                expect: .pass
            ),
            CheckExample(
                "halts, re-sends under the same id",
                manifest: """
                    errors:
                      platform: halt
                    orders:
                      client_order_ids: true
                      on_unknown_outcome: resend_same_id

                    """,
                expect: .pass
            ),
            CheckExample(
                "read-only bot escalates",
                manifest: """
                    bot:
                      name: example
                      exchange: okx
                      mode: read_only
                    errors:
                      platform: escalate

                    """,
                expect: .pass
            ),
            CheckExample(
                "retries forever",
                manifest: """
                    errors:
                      platform: retry
                    orders:
                      on_unknown_outcome: query_status

                    """,
                expect: .fail,
                mentioning: "budget ends without an escalation"
            ),
            CheckExample(
                "budget over the limit",
                manifest: """
                    retry:
                      max_attempts: 6
                    errors:
                      platform: retry_then_escalate
                    orders:
                      on_unknown_outcome: query_status

                    """,
                expect: .fail,
                mentioning: "6 attempts"
            ),
            CheckExample(
                "re-sends under a new id",
                manifest: """
                    errors:
                      platform: retry_then_halt
                    retry:
                      max_attempts: 2
                    orders:
                      client_order_ids: true
                      on_unknown_outcome: resend_new_id

                    """,
                expect: .fail,
                mentioning: "double-order risk"
            ),
            CheckExample(
                "same id without client order ids",
                manifest: """
                    errors:
                      platform: escalate
                    orders:
                      client_order_ids: false
                      on_unknown_outcome: resend_same_id

                    """,
                expect: .fail,
                mentioning: "client_order_ids is not true"
            ),
            CheckExample(
                "unknown outcome not declared",
                manifest: """
                    errors:
                      platform: retry_then_escalate
                    retry:
                      max_attempts: 3
                    orders:
                      client_order_ids: true
                    """,
                expect: .fail,
                mentioning: "does not declare what it does with an order whose outcome is unknown"
            ),
            CheckExample(
                "no orders section at all",
                manifest: """
                    errors:
                      platform: retry_then_escalate
                    retry:
                      max_attempts: 3
                    """,
                expect: .unknown,
                mentioning: "orders section"
            ),
            CheckExample(
                "abandons unknown orders",
                manifest: """
                    errors:
                      platform: escalate
                    orders:
                      on_unknown_outcome: abandon

                    """,
                expect: .warn,
                mentioning: "abandons an order"
            ),
            CheckExample(
                "no budget declared",
                manifest: """
                    errors:
                      platform: retry_then_escalate
                    orders:
                      on_unknown_outcome: query_status
                    """,
                expect: .warn,
                mentioning: "declares no retry budget"
            ),
            CheckExample(
                "no platform action declared",
                manifest: """
                    errors:
                      auth: halt
                    orders:
                      on_unknown_outcome: query_status
                    """,
                expect: .unknown
            ),
            CheckExample(
                "logs: a timed-out order queried, re-sent under its id",
                manifest: Self.declaresSafeRetry,
                logs: Self.order(at: 0, status: 504, attempt: 1, id: "grid-1")
                    + RetryExampleLog.line(at: 300, "api_request", "\"endpoint\":\"/api/v3/order\",\"method\":\"GET\",\"status\":200,\"origClientOrderId\":\"grid-1\"")
                    + Self.order(at: 900, status: 200, attempt: 2, id: "grid-1"),
                expect: .pass, mentioning: "1 queried first"
            ),
            CheckExample(
                "logs: a timed-out order found by its status query has ended, with no escalation owed",
                manifest: Self.declaresSafeRetry,
                logs: Self.order(at: 0, status: 504, attempt: 1, id: "grid-1")
                    + RetryExampleLog.line(at: 300, "api_request", "\"endpoint\":\"/api/v3/order\",\"method\":\"GET\",\"status\":200,\"origClientOrderId\":\"grid-1\"")
                    + RetryExampleLog.line(at: 120_000, "heartbeat"),
                expect: .pass, mentioning: "1 queried first"
            ),
            CheckExample(
                "logs: a timed-out order re-sent under a new id",
                manifest: Self.declaresSafeRetry,
                logs: Self.order(at: 0, status: 504, attempt: 1, id: "grid-1") + Self.order(at: 900, status: 200, attempt: 2, id: "grid-2"),
                expect: .fail, mentioning: "double-order risk"
            ),
            CheckExample(
                "logs: five attempts on a 503, then silence",
                manifest: Self.declaresSafeRetry,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [503, 503, 503, 503, 503], delays: [500, 1000, 2000, 4000], endpoint: "/api/v3/account", method: "GET")
                    + RetryExampleLog.line(at: 120_000, "heartbeat"),
                expect: .fail, mentioning: "logs show 5 attempts after a 5xx"
            ),
            CheckExample(
                "logs: the budget runs out without an escalation",
                manifest: Self.declaresSafeRetry,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [503, 503, 503], delays: [500, 1000], endpoint: "/api/v3/account", method: "GET")
                    + RetryExampleLog.line(at: 120_000, "heartbeat"),
                expect: .fail, mentioning: "without an escalation record"
            ),
            CheckExample(
                "logs: the budget runs out, then an escalation",
                manifest: Self.declaresSafeRetry,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [503, 503, 503], delays: [500, 1000], endpoint: "/api/v3/account", method: "GET")
                    + RetryExampleLog.line(at: 2000, "escalation", "\"msg\":\"exchange unavailable\"")
                    + RetryExampleLog.line(at: 120_000, "heartbeat"),
                expect: .pass, mentioning: "each of the 1 requests that gave up was escalated"
            ),
            CheckExample(
                "read-only bot without errors section",
                manifest: """
                    bot:
                      name: example
                      exchange: binance
                      mode: read_only
                    """,
                expect: .unknown
            ),
        ]
    }

    static let declaresSafeRetry = """
        retry:
          max_attempts: 3
        errors:
          platform: retry_then_escalate
        orders:
          client_order_ids: true
          on_unknown_outcome: query_status

        """

    static func order(at time: Int, status: Int, attempt: Int, id: String) -> String {
        RetryExampleLog.line(
            at: time, "order_submit",
            "\"endpoint\":\"/api/v3/order\",\"method\":\"POST\",\"status\":\(status),\"attempt\":\(attempt),\"newClientOrderId\":\"\(id)\""
        )
    }
}
