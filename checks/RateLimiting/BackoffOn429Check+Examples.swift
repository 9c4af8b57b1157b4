import PreflightModel

extension BackoffOn429Check {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "honours Retry-After with a 500 ms floor",
                manifest: """
                    retry:
                      respect_retry_after: true
                      backoff:
                        kind: exponential
                        base_ms: 500
                    """,
                expect: .pass
            ),
            CheckExample(
                "Retry-After ignored",
                manifest: """
                    retry:
                      respect_retry_after: false
                      backoff:
                        kind: exponential
                        base_ms: 500
                    """,
                expect: .fail, mentioning: "ignores Retry-After"
            ),
            CheckExample(
                "Retry-After not declared",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 500
                    """,
                expect: .fail, mentioning: "respect_retry_after missing"
            ),
            CheckExample(
                "no backoff declared",
                manifest: """
                    retry:
                      respect_retry_after: true
                      max_attempts: 3
                    """,
                expect: .fail, mentioning: "no backoff between retries"
            ),
            CheckExample(
                "backoff kind none",
                manifest: """
                    retry:
                      respect_retry_after: true
                      backoff:
                        kind: none
                        base_ms: 500
                    """,
                expect: .fail, mentioning: "without backoff"
            ),
            CheckExample(
                "base delay below the floor",
                manifest: """
                    retry:
                      respect_retry_after: true
                      backoff:
                        kind: exponential
                        base_ms: 100
                    """,
                expect: .fail, mentioning: "waits 100 ms"
            ),
            CheckExample(
                "base delay not declared",
                manifest: """
                    retry:
                      respect_retry_after: true
                      backoff:
                        kind: exponential
                    """,
                expect: .fail, mentioning: "no base delay"
            ),
            CheckExample("no retry section", manifest: """
                concurrency:
                  private: 2
                """, expect: .unknown),
            CheckExample(
                "logs: the retry after a 429 waited out Retry-After",
                manifest: """
                    retry:
                      respect_retry_after: true
                      backoff:
                        kind: exponential
                        base_ms: 500
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [429, 200], delays: [2100], extra: ",\"retry_after\":2"),
                expect: .pass, mentioning: "waited at least Retry-After"
            ),
            CheckExample(
                "logs: a retry 300 ms after a 429 with Retry-After 2 s",
                manifest: """
                    retry:
                      respect_retry_after: true
                      backoff:
                        kind: exponential
                        base_ms: 500
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [429, 200], delays: [300], extra: ",\"retry_after\":2"),
                expect: .fail, mentioning: "sooner than Retry-After"
            ),
            CheckExample(
                "logs: an early retry after Binance -1003 without Retry-After",
                manifest: """
                    retry:
                      respect_retry_after: true
                      backoff:
                        kind: exponential
                        base_ms: 500
                    """,
                logs: RetryExampleLog.line(at: 0, "api_request", "\"endpoint\":\"/api/v3/depth\",\"method\":\"GET\",\"status\":200,\"code\":-1003,\"attempt\":1")
                    + RetryExampleLog.line(at: 100, "api_request", "\"endpoint\":\"/api/v3/depth\",\"method\":\"GET\",\"status\":200,\"attempt\":2"),
                expect: .fail, mentioning: "floor"
            ),
            CheckExample(
                "logs overrule a declared Retry-After refusal",
                manifest: """
                    retry:
                      respect_retry_after: false
                      backoff:
                        kind: exponential
                        base_ms: 500
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [429, 200], delays: [1500], extra: ",\"retry_after\":1"),
                expect: .pass, mentioning: "waited at least Retry-After"
            ),
            CheckExample(
                "logs without Retry-After do not overrule a declared refusal",
                manifest: """
                    retry:
                      respect_retry_after: false
                      backoff:
                        kind: exponential
                        base_ms: 500
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [429, 200], delays: [1500]),
                expect: .fail, mentioning: "ignores Retry-After"
            ),
            CheckExample(
                "logs without Retry-After: the waits are held to the floor alone, and say so",
                manifest: """
                    retry:
                      respect_retry_after: true
                      backoff:
                        kind: exponential
                        base_ms: 500
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [429, 200], delays: [700]),
                expect: .pass, mentioning: "cannot show it was honoured"
            ),
            CheckExample(
                "logs: a retry 60 s after Bybit's 403, which blocks the IP for 10 minutes",
                manifest: """
                    bot:
                      name: example
                      exchange: bybit
                    retry:
                      respect_retry_after: true
                      backoff:
                        kind: exponential
                        base_ms: 500
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [403, 200], delays: [60_000], endpoint: "/v5/order/create"),
                expect: .fail, mentioning: "bybit documents 600 s"
            ),
            CheckExample(
                "logs: declared 429 handling, but no 429 in the logs",
                manifest: """
                    retry:
                      respect_retry_after: true
                      backoff:
                        kind: exponential
                        base_ms: 500
                    """,
                logs: RetryExampleLog.chain("r1", at: 0, statuses: [200], delays: []),
                expect: .warn, mentioning: "nothing in the logs proves the 429 handling"
            ),
        ]
    }
}
