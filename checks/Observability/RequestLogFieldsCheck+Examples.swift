import PreflightModel

extension RequestLogFieldsCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "every request record carries the six fields (error_code null on success)",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"api_request","endpoint":"/api/v3/order","status":200,"error_code":null,"attempt":1,"latency_ms":42,"concurrency_inflight":1}
                    {"ts":"2026-11-24T10:00:01.000Z","event":"api_request","endpoint":"/api/v3/order","status":400,"error_code":-1013,"attempt":1,"latency_ms":38,"concurrency_inflight":1}
                    time=2026-11-24T10:00:02.000Z event=api_request path=/api/v3/depth status=200 code= attempt=1 duration_ms=12 inflight=2
                    """,
                expect: .pass, mentioning: "each of the six fields"
            ),
            CheckExample(
                "error_code and concurrency_inflight missing from request records",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"api_request","endpoint":"/api/v3/order","status":200,"attempt":1,"latency_ms":42}
                    {"ts":"2026-11-24T10:00:01.000Z","event":"api_request","endpoint":"/api/v3/order","status":200,"error_code":null,"attempt":1,"latency_ms":40,"concurrency_inflight":1}
                    """,
                expect: .fail, mentioning: "error_code on 50%"
            ),
            CheckExample(
                "logs show the bot starting and trading, but no request record",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"startup"}
                    {"ts":"2026-11-24T10:00:05.000Z","event":"order_submit","client_order_id":"a1"}
                    {"ts":"2026-11-24T10:00:06.000Z","msg":"POST /api/v3/order 200 in 41 ms"}
                    """,
                expect: .fail, mentioning: "does not log its requests"
            ),
            CheckExample(
                "only failed requests are logged",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"api_request","endpoint":"/api/v3/order","status":503,"error_code":null,"attempt":1,"latency_ms":42,"concurrency_inflight":1}
                    {"ts":"2026-11-24T10:00:01.000Z","event":"api_request","endpoint":"/api/v3/order","status":400,"error_code":-1013,"attempt":1,"latency_ms":38,"concurrency_inflight":1}
                    """,
                expect: .fail, mentioning: "do not record every request"
            ),
            CheckExample(
                "logs read, but no api_request records among them",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"heartbeat"}
                    """,
                expect: .unknown, mentioning: "no api_request records"
            ),
            CheckExample(
                "log fields renamed but no samples given to this example",
                manifest: """
                    logs:
                      paths: [logs/*.jsonl]
                      fields:
                        endpoint: path
                        latency_ms: duration_ms
                    """,
                expect: .unknown,
                mentioning: "no log samples given"
            ),
            CheckExample("no logs section", manifest: """
                monitoring:
                  heartbeat_interval_s: 30
                """, expect: .unknown),
        ]
    }
}
