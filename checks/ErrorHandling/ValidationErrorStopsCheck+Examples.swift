import PreflightModel

extension ValidationErrorStopsCheck {
    public var examples: [CheckExample] {
        [
            CheckExample("drops invalid requests", manifest: """
                errors:
                  validation: drop
                """, expect: .pass),
            CheckExample("escalates invalid requests", manifest: """
                errors:
                  validation: escalate
                """, expect: .pass),
            CheckExample(
                "retries invalid requests",
                manifest: """
                    errors:
                      validation: retry
                    """,
                expect: .fail,
                mentioning: "validation errors are retried"
            ),
            CheckExample(
                "backs off and retries invalid requests",
                manifest: """
                    errors:
                      validation: backoff
                    """,
                expect: .fail,
                mentioning: "validation errors are retried"
            ),
            CheckExample("no validation action declared", manifest: """
                errors:
                  auth: halt
                """, expect: .unknown),
            CheckExample(
                "logs: a filter failure dropped",
                manifest: """
                    errors:
                      validation: drop
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [400], delays: [], extra: ",\"code\":-1013")
                    + RetryExampleLog.chain("r2", at: 5000, statuses: [200], delays: []),
                expect: .pass, mentioning: "none of the 1 requests rejected as invalid"
            ),
            CheckExample(
                "logs of failures only cannot show an invalid request was not sent again",
                manifest: """
                    errors:
                      validation: drop
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [400], delays: [], extra: ",\"code\":-1013"),
                expect: .pass, mentioning: "validation errors are not retried"
            ),
            CheckExample(
                "logs: a 400 sent again",
                manifest: """
                    errors:
                      validation: drop
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [400, 400, 400], delays: [500, 1000]),
                expect: .fail, mentioning: "rejected as invalid was retried 2 times"
            ),
            CheckExample(
                "logs: Bybit's parameter error retried (HTTP 200, retCode 10001)",
                manifest: """
                    bot:
                      name: example
                      exchange: bybit
                    errors:
                      validation: drop
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [200, 200], delays: [700], endpoint: "/v5/order/create", extra: ",\"code\":10001"),
                expect: .fail, mentioning: "retried 1 times"
            ),
        ]
    }
}
