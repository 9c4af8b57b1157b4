import PreflightModel

/// D3: order-book streams are checked for gaps by their sequence numbers.
public struct StreamSequenceTrackingCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "D3",
        name: "stream-sequence-tracking",
        section: .crashRecovery,
        severity: .high,
        summary: "The bot tracks the sequence numbers of its stream messages and acts on every gap.",
        rationale: """
            A websocket can drop messages silently. Without sequence checks the local order book drifts from the \
            exchange's and the bot trades on prices that are not there.
            """,
        rule: """
            fail unless streams.sequence_tracking is true (Binance U/u, plus pu on futures; Bybit u/seq; OKX \
            seqId/prevSeqId; Coinbase sequence_num) and streams.on_gap is log, resync or halt (ignore fails); \
            fail if a gap found in the logged sequence numbers has no gap record from the bot. Not applicable to \
            Kraken, whose v2 books carry a CRC32 checksum instead of sequence numbers.
            """,
        remediation: """
            Compare each message's sequence fields with the previous one's, treat a gap as a broken book \
            (resync or halt), log it, and declare streams.sequence_tracking: true and streams.on_gap: resync in \
            preflight.yml.
            """,
        evidenceSources: [.manifest, .logs],
        references: [
            "checklist D3",
            "https://developers.binance.com/docs/binance-spot-api-docs/web-socket-streams#how-to-manage-a-local-order-book-correctly",
            "https://www.okx.com/docs-v5/en/#order-book-trading-market-data-ws-order-book-channel",
        ]
    )

    /// The fields a bot compares to find a gap, per exchange.
    static func sequenceFields(_ exchange: Exchange) -> String {
        switch exchange {
        case .binance: "U/u (first and last update id)"
        case .binanceFutures: "U/u and pu (previous final update id)"
        case .bybit: "u/seq"
        case .okx: "seqId/prevSeqId"
        case .coinbase: "sequence_num (one counter per connection, across its channels)"
        case .kraken: "the CRC32 checksum"
        }
    }

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let exchange = manifest.bot.exchange
        if exchange.value == .kraken {
            return .notApplicable(
                "Kraken v2 books carry a CRC32 checksum, not sequence numbers",
                evidence: [.declared(exchange)]
            )
        }
        let fields = Self.sequenceFields(exchange.value)
        // A manifest derived from a framework's config says nothing of sequence handling unless it says so.
        let undeclared = manifest.derivedFrom != nil && manifest.streams?.sequenceTracking == nil && manifest.streams?.onGap == nil
        let observed = evidence.logs.map { SequenceObservation($0, fields: fields) }
        guard let streams = manifest.streams, !undeclared else {
            if let observed, observed.hasProblems {
                var assessment = Assessment()
                observed.judge(into: &assessment, declaredTracking: nil)
                return assessment.finding(pass: "", measured: observed.measured, expected: "sequenced messages; every gap matched by a ws_gap record")
            }
            return .unknown(
                "no stream policy declared (streams section) and \(observed?.summary ?? MissingEvidence.logs)",
                remediation: """
                    Add a streams section to \(manifest.path) with sequence_tracking: true and on_gap: resync, \
                    and check \(fields) on every message.
                    """
            )
        }

        var assessment = Assessment()
        assessment.cite(streams.sequenceTracking)
        assessment.cite(streams.onGap)

        if let observed, observed.showsTracking, streams.sequenceTracking?.value != true {
            let declared = streams.sequenceTracking.map { "declares sequence_tracking false at \($0.location)" } ?? "does not declare sequence_tracking"
            assessment.note("\(declared); the logs decide: \(observed.summary)")
        } else if let tracking = streams.sequenceTracking {
            if !tracking.value {
                assessment.fail(
                    "stream sequence numbers are not tracked (\(exchange.value.rawValue): \(fields))",
                    fix: "Check \(fields) on every message and set streams.sequence_tracking: true at \(tracking.location)."
                )
            }
        } else {
            assessment.fail(
                "stream sequence tracking not declared (streams.sequence_tracking missing)",
                fix: "Check \(fields) on every message and add sequence_tracking: true to the streams section of \(manifest.path)."
            )
        }

        if let onGap = streams.onGap {
            if onGap.value == .ignore {
                assessment.fail(
                    "a gap in a stream is ignored, so the local book goes stale",
                    fix: "Resync (or halt) on a gap and set streams.on_gap: resync at \(onGap.location)."
                )
            }
        } else {
            assessment.fail(
                "no action on a stream gap declared (streams.on_gap missing)",
                fix: "Resync (or halt) on a gap and add on_gap: resync to the streams section of \(manifest.path)."
            )
        }

        if let observed {
            observed.judge(into: &assessment, declaredTracking: streams.sequenceTracking)
            if observed.messages > 0 {
                return assessment.finding(
                    pass: "the logs show \(observed.summary); on a gap: \(streams.onGap?.value.rawValue ?? "-") (declared)",
                    measured: observed.measured,
                    expected: "\(fields) on stream messages; every gap matched by the bot's ws_gap record"
                )
            }
        } else {
            assessment.note("gaps not checked against logs: \(MissingEvidence.logs)")
        }
        return assessment.finding(
            pass: "tracks \(fields) and acts on gaps (\(streams.onGap?.value.rawValue ?? "-"))",
            measured: "sequence_tracking = \(streams.sequenceTracking?.value.description ?? "missing"), on_gap = \(streams.onGap?.value.rawValue ?? "missing") (declared)",
            expected: "sequence_tracking true, on_gap log, resync or halt"
        )
    }

    public let examples: [CheckExample] = [
        CheckExample(
            "tracked, resync on gap",
            manifest: "streams:\n  sequence_tracking: true\n  on_gap: resync\n",
            expect: .pass
        ),
        CheckExample(
            "tracked, halt on gap (OKX)",
            manifest: "bot:\n  name: example\n  exchange: okx\nstreams:\n  sequence_tracking: true\n  on_gap: halt\n",
            expect: .pass
        ),
        CheckExample(
            "not tracked",
            manifest: "streams:\n  sequence_tracking: false\n  on_gap: resync\n",
            expect: .fail,
            mentioning: "U/u"
        ),
        CheckExample(
            "tracking not declared",
            manifest: "streams:\n  on_gap: resync\n",
            expect: .fail,
            mentioning: "sequence_tracking missing"
        ),
        CheckExample(
            "gaps ignored",
            manifest: "streams:\n  sequence_tracking: true\n  on_gap: ignore\n",
            expect: .fail,
            mentioning: "gap in a stream is ignored"
        ),
        CheckExample(
            "no gap action",
            manifest: "streams:\n  sequence_tracking: true\n",
            expect: .fail,
            mentioning: "on_gap missing"
        ),
        CheckExample(
            "Kraken",
            manifest: "bot:\n  name: example\n  exchange: kraken\n",
            expect: .notApplicable,
            mentioning: "CRC32"
        ),
        CheckExample("no streams section", manifest: "recovery:\n  block_orders_until_reconciled: true\n", expect: .unknown),
        CheckExample(
            "logs: the one gap is logged by the bot",
            manifest: "streams:\n  sequence_tracking: true\n  on_gap: resync\n",
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
            manifest: "streams:\n  sequence_tracking: true\n  on_gap: resync\n",
            logs: StreamSequenceTrackingCheck.depthLog([
                ("00.000", #""event":"ws_message","U":100,"u":105"#), ("00.100", #""event":"ws_message","U":106,"u":110"#),
                ("00.200", #""event":"ws_message","U":120,"u":125"#), ("09.000", #""event":"ws_message","U":126,"u":130"#),
            ]),
            expect: .fail, mentioning: "no ws_gap record from the bot"
        ),
        CheckExample(
            "logs (OKX): snapshot and maintenance reset are not gaps",
            manifest: "bot:\n  name: example\n  exchange: okx\nstreams:\n  sequence_tracking: true\n  on_gap: resync\n",
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
            manifest: "streams:\n  sequence_tracking: true\n  on_gap: resync\n",
            logs: StreamSequenceTrackingCheck.depthLog([
                ("00.000", #""event":"ws_message","price":"97000.1""#), ("00.100", #""event":"ws_message","price":"97000.2""#),
            ]),
            expect: .fail, mentioning: "none of the 2 ws_message records"
        ),
    ]

    /// JSON lines for the btcusdt@depth stream at 2026-11-24T10:00:SS: (seconds, JSON members).
    static func depthLog(_ records: [(String, String)]) -> String {
        records.map { seconds, members in
            #"{"ts":"2026-11-24T10:00:\#(seconds)Z","stream":"btcusdt@depth",\#(members)}"#
        }.joined(separator: "\n") + "\n"
    }
}
