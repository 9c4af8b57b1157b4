import PreflightModel

extension DisconnectLogFieldsCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "disconnect event renamed but no samples given to this example",
                manifest: """
                    logs:
                      paths: [logs/*.jsonl]
                      events:
                        ws_disconnect: socket_closed
                    """,
                expect: .unknown,
                mentioning: "no log samples given"
            ),
            CheckExample("no logs section", manifest: """
                streams:
                  sequence_tracking: true
                """, expect: .unknown),
            CheckExample(
                "logs: every disconnect says why and after how long",
                manifest: """
                    streams:
                      sequence_tracking: true
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"ws_disconnect","stream":"btcusdt@depth","close_code":1006,"last_message_ago_ms":31000,"uptime_seconds":5400}
                    {"ts":"2026-11-24T12:00:00.000Z","event":"ws_disconnect","stream":"btcusdt@depth","close_code":1000,"last_message_ago_ms":40,"uptime_seconds":86400}

                    """,
                expect: .pass, mentioning: "all 2 ws_disconnect records carry"
            ),
            CheckExample(
                "logs: a disconnect without its close code",
                manifest: """
                    streams:
                      sequence_tracking: true
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"ws_disconnect","stream":"btcusdt@depth","close_code":1006,"last_message_ago_ms":31000,"uptime_seconds":5400}
                    time=2026-11-24T12:00:00Z event=ws_disconnect stream=btcusdt@depth last_message_ago_ms=40 uptime_seconds=86400

                    """,
                expect: .fail, mentioning: "1 of 2 ws_disconnect records lack close_code"
            ),
            CheckExample(
                "logs: a stream reconnects, but no disconnect was logged",
                manifest: """
                    streams:
                      sequence_tracking: true
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"ws_connect","stream":"btcusdt@depth"}
                    {"ts":"2026-11-24T11:00:00.000Z","event":"ws_reconnect_attempt","stream":"btcusdt@depth","attempt":1}
                    {"ts":"2026-11-24T11:00:01.000Z","event":"ws_connect","stream":"btcusdt@depth"}

                    """,
                expect: .fail, mentioning: "hold no ws_disconnect record"
            ),
            CheckExample(
                "logs without disconnects",
                manifest: """
                    streams:
                      sequence_tracking: true
                    """,
                logs: #"{"ts":"2026-11-24T10:00:00.000Z","event":"heartbeat"}"# + "\n",
                expect: .unknown, mentioning: "no ws_disconnect records"
            ),
        ]
    }
}
