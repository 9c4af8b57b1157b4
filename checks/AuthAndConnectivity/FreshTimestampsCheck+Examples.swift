import PreflightModel

extension FreshTimestampsCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "fresh, distinct timestamps on every signed request",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400010,"latency_ms":40,"status":200}
                    {"ts":"2026-11-24T10:00:00.300Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400251,"latency_ms":45,"status":200}
                    {"ts":"2026-11-24T10:00:00.310Z","event":"api_request","endpoint":"/api/v3/depth","signed":false,"latency_ms":20,"status":200}
                    """,
                expect: .pass, mentioning: "fresh timestamp"
            ),
            CheckExample(
                "a retry re-sends the same signed timestamp",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400010,"attempt":1,"status":503}
                    {"ts":"2026-11-24T10:00:00.600Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400010,"attempt":2,"status":200}
                    """,
                expect: .fail, mentioning: "sent again with a timestamp or nonce already used"
            ),
            CheckExample(
                "distinct requests signed in the same millisecond are not reuse",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","method":"POST","signed":true,"request_timestamp":1795514400010,"client_order_id":"a1","status":200}
                    {"ts":"2026-11-24T10:00:00.052Z","event":"api_request","endpoint":"/api/v3/order","method":"POST","signed":true,"request_timestamp":1795514400010,"client_order_id":"a2","status":200}
                    {"ts":"2026-11-24T10:00:00.055Z","event":"api_request","endpoint":"/api/v3/account","method":"GET","signed":true,"request_timestamp":1795514400010,"status":200}
                    """,
                expect: .pass, mentioning: "fresh timestamp"
            ),
            CheckExample(
                "a request signed 4 s before it was sent",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:04.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400000,"latency_ms":30,"status":200}
                    """,
                expect: .fail, mentioning: "more than 1000 ms"
            ),
            CheckExample(
                "Binance rejected (-1021) a request signed 3 s before it was sent",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:03.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400000,"latency_ms":20,"status":400,"error_code":-1021}
                    """,
                expect: .fail, mentioning: "timestamp-window rejection from binance of a timestamp that was stale"
            ),
            CheckExample(
                "a -1021 on a fresh timestamp is a clock-offset problem, for A6 and E3",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400020,"latency_ms":20,"status":400,"error_code":-1021}
                    {"ts":"2026-11-24T10:00:01.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514401020,"latency_ms":20,"status":200}
                    """,
                expect: .pass, mentioning: "no rejection of a stale or reused timestamp"
            ),
            CheckExample(
                "a -1021 on a record that does not log its timestamp cannot be placed",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"status":400,"error_code":-1021}
                    """,
                expect: .unknown, mentioning: "cannot be told stale or fresh"
            ),
            CheckExample(
                "Kraken rejected a nonce sent twice",
                manifest: """
                    bot:
                      name: example
                      exchange: kraken
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    time=2026-11-24T10:00:00.050Z event=api_request endpoint=/0/private/AddOrder signed=true status=200 request_timestamp=1795514400001
                    time=2026-11-24T10:00:01.050Z event=api_request endpoint=/0/private/AddOrder signed=true status=200 request_timestamp=1795514400001 error_code="EAPI:Invalid nonce"
                    """,
                expect: .fail, mentioning: "rejection"
            ),
            CheckExample(
                "a Kraken nonce lower than one already sent",
                manifest: """
                    bot:
                      name: example
                      exchange: kraken
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    time=2026-11-24T10:00:00.050Z event=api_request endpoint=/0/private/Balance signed=true status=200 request_timestamp=1795514400050
                    time=2026-11-24T10:00:01.050Z event=api_request endpoint=/0/private/Balance signed=true status=200 request_timestamp=1795514400040
                    """,
                expect: .fail, mentioning: "nonce lower than one"
            ),
            CheckExample(
                "signed requests that do not log their timestamp",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"status":200}
                    """,
                expect: .unknown, mentioning: "logs its request timestamp"
            ),
            CheckExample(
                "no api_request records in the logs",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"startup"}
                    """,
                expect: .unknown, mentioning: "no api_request records"
            ),
            CheckExample(
                "log paths declared but no samples given to this example",
                manifest: """
                    logs:
                      paths: [logs/*.jsonl]
                    """,
                expect: .unknown, mentioning: "timestamps not checked"
            ),
        ]
    }
}
