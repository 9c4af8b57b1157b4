import PreflightModel

extension AuthFailureStopsCheck {
    public var examples: [CheckExample] {
        [
            CheckExample("halts on auth failure", manifest: """
                errors:
                  auth: halt
                """, expect: .pass),
            CheckExample("escalates on auth failure", manifest: """
                errors:
                  auth: escalate
                """, expect: .pass),
            CheckExample(
                "retries auth failures",
                manifest: """
                    errors:
                      auth: retry
                    """,
                expect: .fail,
                mentioning: "auth failures are retried"
            ),
            CheckExample(
                "retries, then halts",
                manifest: """
                    errors:
                      auth: retry_then_halt
                    """,
                expect: .fail,
                mentioning: "auth failures are retried"
            ),
            CheckExample(
                "ignores auth failures",
                manifest: """
                    errors:
                      auth: ignore
                    """,
                expect: .fail,
                mentioning: "neither halt nor escalate"
            ),
            CheckExample("no auth action declared", manifest: """
                errors:
                  validation: drop
                """, expect: .unknown),
            CheckExample("no errors section", manifest: """
                retry:
                  max_attempts: 3
                """, expect: .unknown),
            CheckExample(
                "logs: a 401 halts and escalates",
                manifest: """
                    errors:
                      auth: halt
                    """,
                logs: RetryExampleLog.chain("r0", at: -1000, statuses: [200], delays: [], endpoint: "/api/v3/depth", method: "GET")
                    + RetryExampleLog.chain("r1", at: 0, statuses: [401], delays: [])
                    + RetryExampleLog.line(at: 800, "escalation", "\"msg\":\"api key rejected\"")
                    + RetryExampleLog.line(at: 120_000, "heartbeat"),
                expect: .pass, mentioning: "none of the 1 auth failures"
            ),
            CheckExample(
                "logs: a signature error retried",
                manifest: """
                    errors:
                      auth: halt
                    """,
                logs: RetryExampleLog.line(at: 0, "api_request", "\"endpoint\":\"/api/v3/order\",\"status\":400,\"code\":-1022,\"attempt\":1,\"request_id\":\"r7\"")
                    + RetryExampleLog.line(at: 600, "api_request", "\"endpoint\":\"/api/v3/order\",\"status\":400,\"code\":-1022,\"attempt\":2,\"request_id\":\"r7\"")
                    + RetryExampleLog.line(at: 900, "escalation"),
                expect: .fail, mentioning: "failed auth was retried"
            ),
            CheckExample(
                "logs: a 401 without any escalation",
                manifest: """
                    errors:
                      auth: escalate
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [401], delays: [])
                    + RetryExampleLog.line(at: 90_000, "heartbeat"),
                expect: .fail, mentioning: "not followed by an escalation"
            ),
            CheckExample(
                "logs of failures only cannot show that an auth failure was not retried",
                manifest: """
                    errors:
                      auth: halt
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [401], delays: [])
                    + RetryExampleLog.line(at: 800, "escalation", "\"msg\":\"api key rejected\"")
                    + RetryExampleLog.line(at: 120_000, "heartbeat"),
                expect: .pass, mentioning: "auth failures halt the bot"
            ),
            CheckExample(
                "logs: a -1021, a fresh server-time query, one re-signed request and an escalation",
                manifest: """
                    errors:
                      auth: halt
                    """,
                logs: RetryExampleLog.line(at: 0, "api_request", "\"endpoint\":\"/api/v3/order\",\"status\":400,\"code\":-1021,\"attempt\":1,\"request_id\":\"r9\"")
                    + RetryExampleLog.line(at: 100, "api_request", "\"endpoint\":\"/api/v3/time\",\"method\":\"GET\",\"status\":200")
                    + RetryExampleLog.line(at: 250, "api_request", "\"endpoint\":\"/api/v3/order\",\"status\":200,\"attempt\":2,\"request_id\":\"r9\"")
                    + RetryExampleLog.line(at: 300, "escalation", "\"msg\":\"clock offset re-measured after -1021\"")
                    + RetryExampleLog.line(at: 120_000, "heartbeat"),
                expect: .pass, mentioning: "followed a fresh server-time query, as allowed"
            ),
            CheckExample(
                "logs: a -1021 re-sent without measuring the exchange's time again",
                manifest: """
                    errors:
                      auth: halt
                    """,
                logs: RetryExampleLog.line(at: 0, "api_request", "\"endpoint\":\"/api/v3/order\",\"status\":400,\"code\":-1021,\"attempt\":1,\"request_id\":\"r9\"")
                    + RetryExampleLog.line(at: 250, "api_request", "\"endpoint\":\"/api/v3/order\",\"status\":200,\"attempt\":2,\"request_id\":\"r9\"")
                    + RetryExampleLog.line(at: 300, "escalation")
                    + RetryExampleLog.line(at: 120_000, "heartbeat"),
                expect: .fail, mentioning: "failed auth was retried"
            ),
            CheckExample(
                "logs: the re-signed request fails again and is sent a third time",
                manifest: """
                    errors:
                      auth: halt
                    """,
                logs: RetryExampleLog.line(at: 0, "api_request", "\"endpoint\":\"/api/v3/order\",\"status\":400,\"code\":-1021,\"attempt\":1,\"request_id\":\"r9\"")
                    + RetryExampleLog.line(at: 100, "api_request", "\"endpoint\":\"/api/v3/time\",\"method\":\"GET\",\"status\":200")
                    + RetryExampleLog.line(at: 250, "api_request", "\"endpoint\":\"/api/v3/order\",\"status\":400,\"code\":-1021,\"attempt\":2,\"request_id\":\"r9\"")
                    + RetryExampleLog.line(at: 400, "api_request", "\"endpoint\":\"/api/v3/time\",\"method\":\"GET\",\"status\":200")
                    + RetryExampleLog.line(at: 500, "api_request", "\"endpoint\":\"/api/v3/order\",\"status\":200,\"attempt\":3,\"request_id\":\"r9\"")
                    + RetryExampleLog.line(at: 600, "escalation")
                    + RetryExampleLog.line(at: 120_000, "heartbeat"),
                expect: .fail, mentioning: "failed auth was retried"
            ),
        ]
    }
}
