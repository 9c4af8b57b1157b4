import PreflightModel

extension ClockDriftLoggedCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "every signed request logs its clock offset; the exchange agrees",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      logs_offset: true
                    """,
                exchange: .binanceClock(offsetMs: -12),
                logs: """
                    {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"clock_offset_ms":-11}
                    {"ts":"2026-11-24T10:00:01.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"clock_offset_ms":-13}
                    {"ts":"2026-11-24T10:00:01.060Z","event":"api_request","endpoint":"/api/v3/depth","signed":false}
                    """,
                expect: .pass, mentioning: "clock_offset_ms on 100% of 2 signed requests"
            ),
            CheckExample(
                "logs contradict clock.logs_offset: true",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      logs_offset: true
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"clock_offset_ms":-11}
                    {"ts":"2026-11-24T10:00:01.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true}
                    """,
                expect: .fail, mentioning: "declares clock.logs_offset: true, but logs show clock_offset_ms on 50%"
            ),
            CheckExample(
                "offsets logged, but the exchange shows the clock 3000 ms behind",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      logs_offset: true
                    """,
                exchange: .binanceClock(offsetMs: 3000),
                logs: """
                    {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"clock_offset_ms":2990}
                    """,
                expect: .fail, mentioning: "3000 ms behind"
            ),
            CheckExample(
                "the local clock is 3000 ms behind the exchange with a 5000 ms recvWindow",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      logs_offset: true
                    """,
                exchange: .binanceClock(offsetMs: 3000),
                expect: .fail, mentioning: "3000 ms behind"
            ),
            CheckExample(
                "the offset is small, but without logs the item cannot be decided",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      logs_offset: true
                    """,
                exchange: .binanceClock(offsetMs: -12),
                expect: .unknown, mentioning: "12 ms ahead of binance"
            ),
            CheckExample(
                "the server-time probe broke",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      logs_offset: true
                    """,
                exchange: .example(clock: .failed(endpoint: "/api/v3/time", reason: "api.binance.com answered /api/v3/time with an HTML page (HTTP 502) instead of JSON")),
                expect: .error, mentioning: "HTML page"
            ),
            CheckExample(
                "offset logging declared; no log samples and no exchange probe",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      logs_offset: true
                    """,
                expect: .unknown, mentioning: "recvWindow of 5000 ms"
            ),
            CheckExample(
                "recvWindow declared, offset logging not declared",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                    """,
                expect: .unknown, mentioning: "logs_offset is not declared"
            ),
            CheckExample(
                "offset not logged",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      logs_offset: false
                    """,
                expect: .fail, mentioning: "do not carry the clock offset"
            ),
            CheckExample(
                "recvWindow above the exchange maximum",
                manifest: """
                    clock:
                      recv_window_ms: 90000
                      logs_offset: true
                    """,
                expect: .fail, mentioning: "recv_window_ms is 90000"
            ),
            CheckExample(
                "recvWindow of zero",
                manifest: """
                    clock:
                      recv_window_ms: 0
                      logs_offset: true
                    """,
                expect: .fail, mentioning: "recv_window_ms is 0"
            ),
            CheckExample(
                "no clock section",
                manifest: """
                    retry:
                      max_attempts: 3
                    """,
                expect: .unknown, mentioning: "no clock section declared"
            ),
        ]
    }
}
