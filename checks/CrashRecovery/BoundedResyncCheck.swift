import PreflightModel

/// D4: a resync fetches what was missed, within a declared bound.
public struct BoundedResyncCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "D4",
        name: "bounded-resync",
        section: .crashRecovery,
        severity: .medium,
        summary: "A resync after a reconnect or gap fetches deltas or a depth-bounded snapshot, within a declared bound on items or time.",
        rationale: """
            Refetching every order, trade and balance after each reconnect burns request weight exactly when the \
            connection is shaky, and can trip rate limits in a reconnect loop. A bound keeps a resync cheap and short.
            """,
        rule: """
            fail if streams.resync.mode is full (refetches full state instead of deltas); fail unless a delta or \
            snapshot resync declares max_items or max_duration_s (each at least 1); fail if a resync in the logs \
            exceeds its declared bound. After a drill's sequence_gap phase, fail if a depth snapshot the bot \
            fetched asked for more levels than max_items, or began later after its gap than max_duration_s.
            """,
        remediation: """
            Resync by replaying missed deltas or by a depth-bounded snapshot plus buffered deltas, and declare \
            streams.resync: {mode: snapshot, max_items: 1000, max_duration_s: 10} in preflight.yml.
            """,
        evidenceSources: [.drill, .manifest, .logs],
        references: [
            "checklist D4",
            "https://developers.binance.com/docs/binance-spot-api-docs/web-socket-streams#how-to-manage-a-local-order-book-correctly",
        ]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let finding = judgedBeforeTheDrill(evidence)
        guard let drill = evidence.drill, let reaction = drill.reaction(to: "sequence_gap") else { return finding }
        return Self.weighSnapshots(reaction, drill: drill, streams: evidence.manifest.streams, over: finding)
    }

    /// After a drill's gaps: each depth snapshot the bot fetched, its size asked for and how soon after the gap,
    /// against the declared bounds. A gap the bot answered with no snapshot leaves the finding as it was.
    static func weighSnapshots(_ reaction: DrillReaction, drill: DrillEvidence, streams: StreamsSection?, over finding: Finding) -> Finding {
        let snapshots = reaction.triggers.filter { $0.reactionLocation != nil }
        var weighed = finding
        guard !snapshots.isEmpty else {
            weighed.details.append("the drill's sequence gaps were answered by no depth snapshot, so the wire shows no resync to measure")
            return weighed
        }
        let refs = snapshots.compactMap { trigger in trigger.reactionLocation.map { EvidenceRef(.drill, at: $0, "depth snapshot of \(trigger.requestedItems ?? 100) levels") } }
        let largest = snapshots.compactMap(\.requestedItems).max() ?? 100
        let slowest = snapshots.compactMap(\.reactionSeconds).max() ?? 0
        let shown = "the bot resynced \(snapshots.count) time\(snapshots.count == 1 ? "" : "s") after a gap with a depth snapshot of at most \(largest) levels, at most \(NumberText.tenths(slowest)) s after the gap"
        var problems: [String] = []
        if let bound = streams?.resyncMaxItems, largest > bound.value {
            problems.append("a snapshot of \(largest) levels is over streams.resync.max_items: \(bound.value) at \(bound.location)")
        }
        if let bound = streams?.resyncMaxSeconds, slowest > Double(bound.value) {
            problems.append("a resync began \(NumberText.short(slowest)) s after its gap, over streams.resync.max_duration_s: \(bound.value) at \(bound.location)")
        }
        weighed.evidence = refs + weighed.evidence
        if problems.isEmpty {
            weighed.details.append("\(shown) (drill)")
        } else {
            if finding.status != .fail { weighed.details.insert("the manifest says: \(finding.summary); the wire decides", at: 0) }
            weighed.status = .fail
            weighed.summary = problems.joined(separator: "; ")
            weighed.details.append(shown)
            weighed.remediation = "Fetch only the depth the bot trades on (GET /api/v3/depth?limit= at most streams.resync.max_items) as soon as a gap is found, and declare the bounds the bot keeps."
        }
        weighed.details += DrillVerdicts.phases(of: refs, in: drill, fallback: drill.phases(with: "sequence_gap"))
        return weighed
    }

    /// What the manifest and the logs show, before a drill's wire is weighed.
    private func judgedBeforeTheDrill(_ evidence: Evidence) -> Finding {
        let manifest = evidence.manifest
        guard let streams = manifest.streams else {
            return .unknown(
                "no resync policy declared (streams section) and \(MissingEvidence.logs)",
                remediation: """
                    Add a streams section to \(manifest.path) with resync: {mode: snapshot, max_items: 1000, \
                    max_duration_s: 10}, sized to the book depth the bot needs.
                    """
            )
        }
        let observed = evidence.logs.map(ResyncObservation.init)
        guard let mode = streams.resyncMode else {
            return ResyncObservation.undeclared(
                observed, missing: "no resync mode declared (streams.resync.mode)",
                expected: "delta or snapshot resyncs within the declared bounds",
                evidence: [streams.resyncMaxItems.map { .declared($0) }, streams.resyncMaxSeconds.map { .declared($0) }]
                    .compactMap { $0 },
                remediation: """
                    Add resync: {mode: snapshot, max_items: 1000, max_duration_s: 10} to the streams section of \
                    \(manifest.path), sized to the book depth the bot needs.
                    """
            ) { $0.judge(into: &$1, streams: streams) }
        }

        var assessment = Assessment()
        assessment.cite(mode)
        assessment.cite(streams.resyncMaxItems)
        assessment.cite(streams.resyncMaxSeconds)
        Self.judgeDeclaredResync(mode, streams: streams, manifestPath: manifest.path, into: &assessment)

        if let observed {
            observed.judge(into: &assessment, streams: streams)
        } else {
            assessment.note("resync sizes and durations not checked against logs: \(MissingEvidence.logs)")
        }
        let declaredBounds = [
            streams.resyncMaxItems.map { "\($0.value) items" },
            streams.resyncMaxSeconds.map { "\($0.value) s" },
        ].compactMap { $0 }.joined(separator: ", ")
        if let observed, observed.resyncs > 0 {
            return assessment.finding(
                pass: "the logs show \(observed.summary), within the declared \(declaredBounds)",
                measured: observed.measured,
                expected: "delta or snapshot resyncs within max_items / max_duration_s"
            )
        }
        return assessment.finding(
            pass: "resyncs by \(mode.value.rawValue), bounded to \(declaredBounds)",
            measured: "mode \(mode.value.rawValue)\(declaredBounds.isEmpty ? "" : ", \(declaredBounds)") (declared)",
            expected: "delta or snapshot with max_items or max_duration_s"
        )
    }

    /// A full refetch fails; a delta or snapshot resync needs a positive bound on its items or duration.
    private static func judgeDeclaredResync(
        _ mode: Located<StreamsSection.ResyncMode>, streams: StreamsSection, manifestPath: String,
        into assessment: inout Assessment
    ) {
        switch mode.value {
        case .full:
            assessment.fail(
                "a resync refetches full state instead of deltas",
                fix: """
                    Replay missed deltas or fetch a depth-bounded snapshot instead: set streams.resync.mode at \
                    \(mode.location) to delta or snapshot, with max_items or max_duration_s.
                    """
            )
        case .delta, .snapshot:
            if streams.resyncMaxItems == nil && streams.resyncMaxSeconds == nil {
                assessment.fail(
                    "a \(mode.value.rawValue) resync is unbounded: neither max_items nor max_duration_s is declared",
                    fix: "Bound the resync and add max_items (e.g. the book depth the bot needs) or max_duration_s to streams.resync in \(manifestPath)."
                )
            }
        }
        let bounds = [("streams.resync.max_items", streams.resyncMaxItems), ("streams.resync.max_duration_s", streams.resyncMaxSeconds)]
        for case let (key, bound?) in bounds where bound.value < 1 {
            assessment.fail(
                "\(key) is \(bound.value); a resync bound must be at least 1",
                fix: "Set \(key) at \(bound.location) to a positive value."
            )
        }
    }
}
