import PreflightModel

extension ReconnectSingleFlightCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "single flight with exponential jittered backoff",
                manifest: """
                    streams:
                      reconnect:
                        single_flight: true
                        backoff: {kind: exponential, base_ms: 1000, max_ms: 30000, jitter: full}
                    """,
                expect: .pass
            ),
            CheckExample(
                "single flight with linear backoff and uniform jitter",
                manifest: """
                    streams:
                      reconnect:
                        single_flight: true
                        backoff:
                          kind: linear
                          base_ms: 1000
                          jitter: uniform
                          jitter_ms: 300
                    """,
                expect: .pass
            ),
            CheckExample(
                "overlapping reconnects allowed",
                manifest: """
                    streams:
                      reconnect:
                        single_flight: false
                        backoff: {kind: exponential, base_ms: 1000, max_ms: 30000, jitter: full}
                    """,
                expect: .fail, mentioning: "may overlap"
            ),
            CheckExample(
                "single flight not declared",
                manifest: """
                    streams:
                      reconnect:
                        backoff: {kind: exponential, base_ms: 1000, max_ms: 30000, jitter: full}
                    """,
                expect: .fail, mentioning: "single_flight missing"
            ),
            CheckExample(
                "no reconnect backoff",
                manifest: """
                    streams:
                      reconnect:
                        single_flight: true
                    """,
                expect: .fail, mentioning: "no delay between reconnects"
            ),
            CheckExample(
                "constant reconnect delay",
                manifest: """
                    streams:
                      reconnect:
                        single_flight: true
                        backoff: {kind: constant, base_ms: 1000, jitter: full}
                    """,
                expect: .fail, mentioning: "no growth"
            ),
            CheckExample(
                "reconnects without jitter",
                manifest: """
                    streams:
                      reconnect:
                        single_flight: true
                        backoff: {kind: exponential, base_ms: 1000, max_ms: 30000, jitter: none}
                    """,
                expect: .fail, mentioning: "no jitter"
            ),
            CheckExample("no streams section", manifest: """
                retry:
                  max_attempts: 3
                """, expect: .unknown),
            CheckExample(
                "logs: one flight per stream, delays grow and vary",
                manifest: ReconnectSingleFlightCheck.declaredWell,
                logs: ReconnectSingleFlightCheck.growingJitteredReconnects,
                expect: .pass, mentioning: "none overlapping"
            ),
            CheckExample(
                "logs show growing delays, though a constant delay is declared",
                manifest: """
                    streams:
                      reconnect:
                        single_flight: true
                        backoff: {kind: constant, base_ms: 1000, jitter: full}
                    """,
                logs: ReconnectSingleFlightCheck.growingJitteredReconnects,
                expect: .pass, mentioning: "growing delays"
            ),
            CheckExample(
                "logs: a second attempt while the first is in flight",
                manifest: ReconnectSingleFlightCheck.declaredWell,
                logs: ReconnectSingleFlightCheck.reconnectLog([
                    ("10:00:00.000", "ws_disconnect", ""), ("10:00:00.700", "ws_reconnect_attempt", #","attempt":1"#),
                    ("10:00:00.710", "ws_reconnect_attempt", #","attempt":1"#), ("10:00:01.000", "ws_connect", ""),
                ]),
                expect: .fail, mentioning: "declares single_flight true"
            ),
            CheckExample(
                "logs: the same delay every time, though exponential is declared",
                manifest: ReconnectSingleFlightCheck.declaredWell,
                logs: ReconnectSingleFlightCheck.reconnectLog([
                    ("10:00:00.000", "ws_disconnect", ""), ("10:00:01.000", "ws_reconnect_attempt", ""),
                    ("10:00:01.100", "ws_disconnect", ""), ("10:00:02.100", "ws_reconnect_attempt", ""),
                    ("10:00:02.200", "ws_connect", ""),
                    ("11:00:00.000", "ws_disconnect", ""), ("11:00:01.000", "ws_reconnect_attempt", ""),
                    ("11:00:01.100", "ws_disconnect", ""), ("11:00:02.100", "ws_reconnect_attempt", ""),
                    ("11:00:02.200", "ws_connect", ""),
                ]),
                expect: .fail, mentioning: "no growth in the logs"
            ),
            CheckExample(
                "logs without reconnects fall back to the declaration",
                manifest: ReconnectSingleFlightCheck.declaredWell,
                logs: #"{"ts":"2026-11-24T10:00:00.000Z","event":"heartbeat"}"# + "\n",
                expect: .pass
            ),
            CheckExample(
                "logs show overlaps, no streams section",
                manifest: """
                    retry:
                      max_attempts: 3
                    """,
                logs: ReconnectSingleFlightCheck.reconnectLog([
                    ("10:00:00.000", "ws_disconnect", ""), ("10:00:00.100", "ws_reconnect_attempt", ""),
                    ("10:00:00.150", "ws_reconnect_attempt", ""),
                ]),
                expect: .fail, mentioning: "overlapping an earlier one"
            ),
        ]
    }

    /// Two reconnect loops, one at a time, whose delays grow and differ between the loops.
    static let growingJitteredReconnects = reconnectLog([
        ("10:00:00.000", "ws_disconnect", ""), ("10:00:00.700", "ws_reconnect_attempt", #","attempt":1"#),
        ("10:00:01.000", "ws_disconnect", ""), ("10:00:02.800", "ws_reconnect_attempt", #","attempt":2"#),
        ("10:00:03.000", "ws_connect", ""),
        ("11:00:00.000", "ws_disconnect", ""), ("11:00:00.300", "ws_reconnect_attempt", #","attempt":1"#),
        ("11:00:00.500", "ws_disconnect", ""), ("11:00:03.900", "ws_reconnect_attempt", #","attempt":2"#),
        ("11:00:04.000", "ws_connect", ""),
    ])

    static let declaredWell = """
        streams:
          reconnect:
            single_flight: true
            backoff: {kind: exponential, base_ms: 1000, max_ms: 30000, jitter: full}
        """

    /// JSON lines for one stream on 2026-11-24: (time of day, event, extra JSON members).
    static func reconnectLog(_ records: [(String, String, String)]) -> String {
        records.map { time, event, extra in
            #"{"ts":"2026-11-24T\#(time)Z","event":"\#(event)","stream":"btcusdt@depth"\#(extra)}"#
        }.joined(separator: "\n") + "\n"
    }
}
