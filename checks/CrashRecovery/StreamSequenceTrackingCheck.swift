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
            Kraken, whose v2 books carry a CRC32 checksum instead of sequence numbers. After a drill's \
            sequence_gap phase the wire decides: fail unless the bot fetched a depth snapshot (GET /api/v3/depth) \
            within 10 s of each gap; a phase with no stream open leaves the item unknown.
            """,
        remediation: """
            Compare each message's sequence fields with the previous one's, treat a gap as a broken book \
            (resync or halt), log it, and declare streams.sequence_tracking: true and streams.on_gap: resync in \
            preflight.yml.
            """,
        evidenceSources: [.drill, .manifest, .logs],
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
        let finding = judgedBeforeTheDrill(evidence)
        guard let drill = evidence.drill, let reaction = drill.reaction(to: "sequence_gap"), finding.status != .notApplicable else { return finding }
        return DrillReactionVerdict(
            reaction: reaction, drill: drill, provocation: "the stand-in skipped update ids in the depth stream",
            remedy: "fetch a depth snapshot", done: "fetched a depth snapshot",
            fix: "Compare each depth update's U with the previous u + 1; on a mismatch, drop the local book, fetch a snapshot (GET /api/v3/depth) and replay the buffered updates from it, and declare streams.on_gap: resync."
        ).weigh(over: finding, decides: true)
    }

    /// What the manifest and the logs show, before a drill's wire is weighed.
    private func judgedBeforeTheDrill(_ evidence: Evidence) -> Finding {
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
            return SequenceObservation.undeclared(
                observed, missing: "no stream policy declared (streams section)",
                expected: "sequenced messages; every gap matched by a ws_gap record",
                remediation: """
                    Add a streams section to \(manifest.path) with sequence_tracking: true and on_gap: resync, \
                    and check \(fields) on every message.
                    """
            ) { $0.judge(into: &$1, declaredTracking: nil) }
        }

        var assessment = Assessment()
        assessment.cite(streams.sequenceTracking)
        assessment.cite(streams.onGap)
        Self.judgeDeclaredTracking(
            streams.sequenceTracking, observed: observed, exchange: exchange.value, fields: fields,
            manifestPath: manifest.path, into: &assessment
        )
        Self.judgeGapAction(streams.onGap, manifestPath: manifest.path, into: &assessment)

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

    /// streams.sequence_tracking, unless the logs show the sequence fields tracked (they decide).
    private static func judgeDeclaredTracking(
        _ tracking: Located<Bool>?, observed: SequenceObservation?, exchange: Exchange, fields: String,
        manifestPath: String, into assessment: inout Assessment
    ) {
        if let observed, observed.showsTracking, tracking?.value != true {
            let declared = tracking.map { "declares sequence_tracking false at \($0.location)" } ?? "does not declare sequence_tracking"
            assessment.note("\(declared); the logs decide: \(observed.summary)")
        } else {
            assessment.requireTrue(
                tracking, key: "streams.sequence_tracking",
                missing: ("stream sequence tracking not declared (streams.sequence_tracking missing)",
                          "Check \(fields) on every message and add sequence_tracking: true to the streams section of \(manifestPath)."),
                whenFalse: ("stream sequence numbers are not tracked (\(exchange.rawValue): \(fields))", "Check \(fields) on every message")
            )
        }
    }

    private static func judgeGapAction(
        _ onGap: Located<StreamsSection.GapAction>?, manifestPath: String, into assessment: inout Assessment
    ) {
        guard let onGap else {
            assessment.fail(
                "no action on a stream gap declared (streams.on_gap missing)",
                fix: "Resync (or halt) on a gap and add on_gap: resync to the streams section of \(manifestPath)."
            )
            return
        }
        if onGap.value == .ignore {
            assessment.fail(
                "a gap in a stream is ignored, so the local book goes stale",
                fix: "Resync (or halt) on a gap and set streams.on_gap: resync at \(onGap.location)."
            )
        }
    }
}
