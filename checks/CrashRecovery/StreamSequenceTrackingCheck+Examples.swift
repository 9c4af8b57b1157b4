import PreflightModel

extension StreamSequenceTrackingCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "tracked, resync on gap",
                manifest: """
                    streams:
                      sequence_tracking: true
                      on_gap: resync
                    """,
                expect: .pass
            ),
            CheckExample(
                "tracked, halt on gap (OKX)",
                manifest: """
                    bot:
                      name: example
                      exchange: okx
                    streams:
                      sequence_tracking: true
                      on_gap: halt
                    """,
                expect: .pass
            ),
            CheckExample(
                "not tracked",
                manifest: """
                    streams:
                      sequence_tracking: false
                      on_gap: resync
                    """,
                expect: .fail,
                mentioning: "U/u"
            ),
            CheckExample(
                "tracking not declared",
                manifest: """
                    streams:
                      on_gap: resync
                    """,
                expect: .fail,
                mentioning: "sequence_tracking missing"
            ),
            CheckExample(
                "gaps ignored",
                manifest: """
                    streams:
                      sequence_tracking: true
                      on_gap: ignore
                    """,
                expect: .fail,
                mentioning: "gap in a stream is ignored"
            ),
            CheckExample(
                "no gap action",
                manifest: """
                    streams:
                      sequence_tracking: true
                    """,
                expect: .fail,
                mentioning: "on_gap missing"
            ),
            CheckExample(
                "Kraken",
                manifest: """
                    bot:
                      name: example
                      exchange: kraken
                    """,
                expect: .notApplicable,
                mentioning: "CRC32"
            ),
            CheckExample("no streams section", manifest: """
                recovery:
                  block_orders_until_reconciled: true
                """, expect: .unknown),
            CheckExample(
                "logs: the one gap is logged by the bot",
                manifest: """
                    streams:
                      sequence_tracking: true
                      on_gap: resync
                    """,
                logs: StreamSequenceTrackingCheck.depthLog([
                    ("00.000", #""event":"ws_message","U":100,"u":105"#), ("00.100", #""event":"ws_message","U":106,"u":110"#),
                    ("00.200", #""event":"ws_message","U":120,"u":125"#), ("00.201", #""event":"ws_gap""#),
                    ("00.500", #""event":"resync","mode":"snapshot","items":1000,"duration_ms":300"#),
                    ("00.600", #""event":"ws_message","U":126,"u":130"#),
                ]),
                expect: .pass, mentioning: "1 gap (0 without a ws_gap record)"
            ),
            CheckExample(
                "logs: a gap the bot never logged",
                manifest: """
                    streams:
                      sequence_tracking: true
                      on_gap: resync
                    """,
                logs: StreamSequenceTrackingCheck.depthLog([
                    ("00.000", #""event":"ws_message","U":100,"u":105"#), ("00.100", #""event":"ws_message","U":106,"u":110"#),
                    ("00.200", #""event":"ws_message","U":120,"u":125"#), ("09.000", #""event":"ws_message","U":126,"u":130"#),
                ]),
                expect: .fail, mentioning: "no ws_gap record from the bot"
            ),
            CheckExample(
                "logs (OKX): snapshot and maintenance reset are not gaps",
                manifest: """
                    bot:
                      name: example
                      exchange: okx
                    streams:
                      sequence_tracking: true
                      on_gap: resync
                    """,
                logs: StreamSequenceTrackingCheck.depthLog([
                    ("00.000", #""event":"ws_message","action":"snapshot","seqId":10,"prevSeqId":-1"#),
                    ("00.100", #""event":"ws_message","action":"update","seqId":15,"prevSeqId":10"#),
                    ("00.200", #""event":"ws_message","action":"update","seqId":3,"prevSeqId":15"#),
                    ("00.300", #""event":"ws_message","action":"update","seqId":8,"prevSeqId":3"#),
                ]),
                expect: .pass, mentioning: "no gap"
            ),
            CheckExample(
                "logs: stream messages without sequence numbers",
                manifest: """
                    streams:
                      sequence_tracking: true
                      on_gap: resync
                    """,
                logs: StreamSequenceTrackingCheck.depthLog([
                    ("00.000", #""event":"ws_message","price":"97000.1""#), ("00.100", #""event":"ws_message","price":"97000.2""#),
                ]),
                expect: .fail, mentioning: "none of the 2 ws_message records"
            ),
        ]
    }

    /// JSON lines for the btcusdt@depth stream at 2026-11-24T10:00:SS: (seconds, JSON members).
    static func depthLog(_ records: [(String, String)]) -> String {
        records.map { seconds, members in
            #"{"ts":"2026-11-24T10:00:\#(seconds)Z","stream":"btcusdt@depth",\#(members)}"#
        }.joined(separator: "\n") + "\n"
    }
}
