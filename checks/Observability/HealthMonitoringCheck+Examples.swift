import PreflightModel

extension HealthMonitoringCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "endpoint and heartbeat declared, neither observed",
                manifest: """
                    monitoring:
                      health_endpoint: http://127.0.0.1:9102/healthz
                      heartbeat_interval_s: 30
                    """,
                expect: .unknown,
                mentioning: "no log samples given to show heartbeats"
            ),
            CheckExample(
                "heartbeat only",
                manifest: """
                    monitoring:
                      heartbeat_interval_s: 15
                    """,
                expect: .unknown,
                mentioning: "a heartbeat every 15 s"
            ),
            CheckExample(
                "section without either",
                manifest: """
                    monitoring: {}
                    """,
                expect: .fail,
                mentioning: "no health endpoint or heartbeat declared"
            ),
            CheckExample(
                "endpoint is not a URL",
                manifest: """
                    monitoring:
                      health_endpoint: localhost:9102/healthz
                    """,
                expect: .fail,
                mentioning: "not an http(s) URL"
            ),
            CheckExample(
                "zero heartbeat interval",
                manifest: """
                    monitoring:
                      heartbeat_interval_s: 0
                    """,
                expect: .fail,
                mentioning: "at least 1 s"
            ),
            CheckExample("no monitoring section", manifest: """
                clock:
                  logs_offset: true
                """, expect: .unknown),
            CheckExample(
                "logs: a heartbeat every 30 s",
                manifest: """
                    monitoring:
                      heartbeat_interval_s: 30
                    """,
                logs: HealthMonitoringCheck.heartbeats(["10:00:00", "10:00:30", "10:01:00", "10:01:31", "10:02:00"]),
                expect: .pass, mentioning: "5 heartbeats with no gap over 60 s"
            ),
            CheckExample(
                "logs: a 95 s stall between heartbeats",
                manifest: """
                    monitoring:
                      heartbeat_interval_s: 30
                    """,
                logs: HealthMonitoringCheck.heartbeats(["10:00:00", "10:00:30", "10:02:05", "10:02:35"]),
                expect: .fail, mentioning: "1 heartbeat gap over 60 s"
            ),
            CheckExample(
                "logs: the heartbeat stops while the bot keeps logging",
                manifest: """
                    monitoring:
                      heartbeat_interval_s: 30
                    """,
                logs: HealthMonitoringCheck.heartbeats(["10:00:00", "10:00:30"])
                    + #"{"ts":"2026-11-24T10:05:00.000Z","event":"order_submit","client_order_id":"b-1"}"# + "\n",
                expect: .fail, mentioning: "the heartbeat stopped"
            ),
            CheckExample(
                "logs with a single heartbeat",
                manifest: """
                    monitoring:
                      heartbeat_interval_s: 30
                    """,
                logs: HealthMonitoringCheck.heartbeats(["10:00:00"]),
                expect: .unknown, mentioning: "too few to measure a gap"
            ),
            CheckExample(
                "logs without heartbeats",
                manifest: """
                    monitoring:
                      heartbeat_interval_s: 30
                    """,
                logs: #"{"ts":"2026-11-24T10:05:00.000Z","event":"ws_connect"}"# + "\n",
                expect: .unknown, mentioning: "no heartbeat records"
            ),
        ]
    }
}
