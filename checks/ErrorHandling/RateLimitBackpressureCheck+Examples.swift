import PreflightModel

extension RateLimitBackpressureCheck {
    public var examples: [CheckExample] {
        [
            CheckExample("backs off after a 429", manifest: """
                errors:
                  rate_limit: backoff
                """, expect: .pass),
            CheckExample("sheds load after a 429", manifest: """
                errors:
                  rate_limit: shed
                """, expect: .pass),
            CheckExample(
                "retries at the same pace",
                manifest: """
                    errors:
                      rate_limit: retry
                    """,
                expect: .fail,
                mentioning: "keeps the same load after a 429"
            ),
            CheckExample(
                "ignores 429s",
                manifest: """
                    errors:
                      rate_limit: ignore
                    """,
                expect: .fail,
                mentioning: "keeps the same load after a 429"
            ),
            CheckExample(
                "retries, then escalates",
                manifest: """
                    errors:
                      rate_limit: retry_then_escalate
                    """,
                expect: .warn,
                mentioning: "does not say it lowers its request rate"
            ),
            CheckExample("no rate-limit action declared", manifest: """
                errors:
                  auth: halt
                """, expect: .unknown),
            CheckExample(
                "logs: fewer requests after a 429",
                manifest: """
                    errors:
                      rate_limit: backoff
                    """,
                logs: Self.trafficAround429(after: 3000),
                expect: .pass, mentioning: "sheds load after a 429"
            ),
            CheckExample(
                "logs: the same pace after a 429",
                manifest: """
                    errors:
                      rate_limit: backoff
                    """,
                logs: Self.trafficAround429(after: 1000),
                expect: .fail, mentioning: "kept its load"
            ),
            CheckExample(
                "logs of failures only cannot show a rate: the declaration stands",
                manifest: """
                    errors:
                      rate_limit: backoff
                    """,
                logs: Self.trafficAround429(after: 1000, status: 503),
                expect: .pass, mentioning: "lowers its load"
            ),
            CheckExample(
                "logs: no 429 to show it",
                manifest: """
                    errors:
                      rate_limit: backoff
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [200], delays: []),
                expect: .pass, mentioning: "lowers its load"
            ),
        ]
    }

    /// A request every second for 70 s, a 429, then a request every `after` ms for 70 s.
    /// `status` is what the other requests got: 200 for a log of every request, a failure for a log of failures only.
    static func trafficAround429(after: Int, status: Int = 200) -> String {
        var text = ""
        for time in stride(from: 0, to: 70_000, by: 1000) {
            text += RetryExampleLog.line(at: time, "api_request", "\"endpoint\":\"/api/v3/depth\",\"method\":\"GET\",\"status\":\(status)")
        }
        text += RetryExampleLog.line(at: 70_000, "api_request", "\"endpoint\":\"/api/v3/depth\",\"method\":\"GET\",\"status\":429,\"retry_after\":1")
        for time in stride(from: 70_000 + after, through: 140_000, by: after) {
            text += RetryExampleLog.line(at: time, "api_request", "\"endpoint\":\"/api/v3/depth\",\"method\":\"GET\",\"status\":\(status)")
        }
        return text
    }
}
