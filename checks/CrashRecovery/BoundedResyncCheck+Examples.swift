import PreflightModel

extension BoundedResyncCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "snapshot bounded by items and time",
                manifest: """
                    streams:
                      resync:
                        mode: snapshot
                        max_items: 1000
                        max_duration_s: 10
                    """,
                expect: .pass
            ),
            CheckExample(
                "delta bounded by time",
                manifest: """
                    streams:
                      resync:
                        mode: delta
                        max_duration_s: 5
                    """,
                expect: .pass
            ),
            CheckExample(
                "full refetch",
                manifest: """
                    streams:
                      resync:
                        mode: full
                        max_items: 1000
                    """,
                expect: .fail,
                mentioning: "refetches full state instead of deltas"
            ),
            CheckExample(
                "no bound",
                manifest: """
                    streams:
                      resync:
                        mode: snapshot
                    """,
                expect: .fail,
                mentioning: "unbounded"
            ),
            CheckExample(
                "zero bound",
                manifest: """
                    streams:
                      resync:
                        mode: delta
                        max_items: 0
                    """,
                expect: .fail,
                mentioning: "at least 1"
            ),
            CheckExample("no resync mode", manifest: """
                streams:
                  sequence_tracking: true
                """, expect: .unknown),
            CheckExample("no streams section", manifest: """
                recovery:
                  block_orders_until_reconciled: true
                """, expect: .unknown),
            CheckExample(
                "logs: snapshot resyncs within the bounds",
                manifest: """
                    streams:
                      resync:
                        mode: snapshot
                        max_items: 1000
                        max_duration_s: 10
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"resync","stream":"btcusdt@depth","mode":"snapshot","items":1000,"duration_ms":420}
                    {"ts":"2026-11-24T11:00:00.000Z","event":"resync","stream":"btcusdt@depth","mode":"snapshot","items":1000,"duration_ms":610}

                    """,
                expect: .pass, mentioning: "2 resyncs, 0 full"
            ),
            CheckExample(
                "logs: a full refetch, though snapshot is declared",
                manifest: """
                    streams:
                      resync:
                        mode: snapshot
                        max_items: 1000
                    """,
                logs: #"{"ts":"2026-11-24T10:00:00.000Z","event":"resync","mode":"full","items":800,"duration_ms":9000}"# + "\n",
                expect: .fail, mentioning: "declares mode snapshot"
            ),
            CheckExample(
                "logs: a resync over its time bound",
                manifest: """
                    streams:
                      resync:
                        mode: delta
                        max_duration_s: 5
                    """,
                logs: #"{"ts":"2026-11-24T10:00:00.000Z","event":"resync","mode":"delta","items":40,"duration_ms":12500}"# + "\n",
                expect: .fail, mentioning: "longer than the declared max_duration_s 5"
            ),
        ]
    }
}
