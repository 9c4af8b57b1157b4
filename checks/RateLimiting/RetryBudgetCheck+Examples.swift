import PreflightModel

extension RetryBudgetCheck {
    public var examples: [CheckExample] {
        [
            CheckExample("three attempts", manifest: """
                retry:
                  max_attempts: 3
                """, expect: .pass),
            CheckExample("a single attempt", manifest: """
                retry:
                  max_attempts: 1
                """, expect: .pass),
            CheckExample("five attempts", manifest: """
                retry:
                  max_attempts: 5
                """, expect: .fail, mentioning: "5 attempts"),
            CheckExample("no budget declared", manifest: """
                concurrency:
                  private: 2
                """, expect: .unknown),
            CheckExample(
                "logs: retries within the budget",
                manifest: """
                    retry:
                      max_attempts: 3
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [503, 503, 200], delays: [500, 1000]),
                expect: .pass, mentioning: "at most 3 attempts"
            ),
            CheckExample(
                "logs: five attempts where three are declared",
                manifest: """
                    retry:
                      max_attempts: 3
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [503, 503, 503, 503, 200], delays: [500, 1000, 2000, 4000]),
                expect: .fail, mentioning: "declares max 3 attempts; logs show 5 attempts on /api/v3/order"
            ),
            CheckExample(
                "logs of failures only: five attempts are at least five, over the budget",
                manifest: """
                    retry:
                      max_attempts: 3
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [503, 503, 503, 503, 503], delays: [500, 1000, 2000, 4000]),
                expect: .fail, mentioning: "logs show at least 5 attempts"
            ),
            CheckExample(
                "logs of failures only cannot show the budget kept: the declaration decides",
                manifest: """
                    retry:
                      max_attempts: 5
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [503, 503], delays: [500]),
                expect: .fail, mentioning: "declares up to 5 attempts"
            ),
            CheckExample(
                "logs: requests that cannot be linked into retries",
                manifest: """
                    retry:
                      max_attempts: 3
                    """,
                logs: RetryExampleLog.line(at: 0, "api_request", "\"endpoint\":\"/api/v3/depth\",\"status\":200"),
                expect: .pass, mentioning: "declares at most 3"
            ),
        ]
    }
}
