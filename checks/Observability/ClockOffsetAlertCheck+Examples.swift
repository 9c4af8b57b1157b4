import PreflightModel

extension ClockOffsetAlertCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "offset logged on every signed request, one crossing followed by an escalation",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      offset_alert_ms: 1000
                      logs_offset: true
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"api_request","signed":true,"endpoint":"/api/v3/order","clock_offset_ms":120}
                    {"ts":"2026-11-24T10:05:00.000Z","event":"api_request","signed":true,"endpoint":"/api/v3/order","clock_offset_ms":1400}
                    {"ts":"2026-11-24T10:05:02.000Z","event":"escalation","reason":"clock offset 1400 ms"}
                    {"ts":"2026-11-24T10:06:00.000Z","event":"api_request","signed":true,"endpoint":"/api/v3/order","clock_offset_ms":80}
                    """,
                expect: .pass
            ),
            CheckExample(
                "logged offset crossed the alert threshold with no alert",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      offset_alert_ms: 1000
                      logs_offset: true
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"api_request","signed":true,"endpoint":"/api/v3/order","clock_offset_ms":120}
                    {"ts":"2026-11-24T10:05:00.000Z","event":"api_request","signed":true,"endpoint":"/api/v3/order","clock_offset_ms":-1800}
                    {"ts":"2026-11-24T10:06:00.000Z","event":"api_request","signed":true,"endpoint":"/api/v3/order","clock_offset_ms":-1900}
                    {"ts":"2026-11-24T10:09:00.000Z","event":"escalation","reason":"too late"}
                    """,
                expect: .fail, mentioning: "crossed the 1000 ms alert threshold 1 time"
            ),
            CheckExample(
                "logs show the offset missing on signed requests",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      offset_alert_ms: 1000
                      logs_offset: true
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"api_request","signed":true,"endpoint":"/api/v3/order"}
                    """,
                expect: .fail, mentioning: "clock_offset_ms on 0%"
            ),
            CheckExample(
                "alert at a fifth of the window, offset logged",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      offset_alert_ms: 1000
                      logs_offset: true
                    """,
                expect: .pass
            ),
            CheckExample(
                "exchange default window (OKX 30 s)",
                manifest: """
                    bot:
                      name: example
                      exchange: okx
                    clock:
                      offset_alert_ms: 15000
                      logs_offset: true
                    """,
                expect: .pass
            ),
            CheckExample(
                "alert above half the window",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      offset_alert_ms: 3000
                      logs_offset: true
                    """,
                expect: .fail,
                mentioning: "exceeds 50% of the 5000 ms recvWindow"
            ),
            CheckExample(
                "no alert threshold",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      logs_offset: true
                    """,
                expect: .fail,
                mentioning: "offset_alert_ms missing"
            ),
            CheckExample(
                "offset not logged",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      offset_alert_ms: 1000
                      logs_offset: false
                    """,
                expect: .fail,
                mentioning: "not logged on signed requests"
            ),
            CheckExample(
                "offset logging not declared",
                manifest: """
                    clock:
                      recv_window_ms: 5000
                      offset_alert_ms: 1000
                    """,
                expect: .fail,
                mentioning: "logs_offset missing"
            ),
            CheckExample(
                "Kraken without a declared window",
                manifest: """
                    bot:
                      name: example
                      exchange: kraken
                    clock:
                      offset_alert_ms: 1000
                      logs_offset: true
                    """,
                expect: .unknown,
                mentioning: "declare clock.recv_window_ms"
            ),
            CheckExample("no clock section", manifest: """
                monitoring:
                  heartbeat_interval_s: 30
                """, expect: .unknown),
        ]
    }
}
