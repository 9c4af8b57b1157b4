import PreflightModel

/// What the logs show of resyncs (D4): full refetches, and sizes or durations over the declared bounds.
struct ResyncObservation: LogObservation {
    let facts: StreamLogFacts
    let noRecords: String

    init(_ logs: LogEvidence) {
        facts = logs.streams
        noRecords = logs.noRecordsText([.resync])
    }

    var resyncs: Int { facts.resyncs }
    var hasProblems: Bool {
        !facts.fullResyncs.isEmpty || !facts.resyncsOverItemBound.isEmpty || !facts.resyncsOverDurationBound.isEmpty
    }

    var summary: String {
        guard resyncs > 0 else { return noRecords }
        var parts = ["\(resyncs) resync\(resyncs == 1 ? "" : "s")", "\(facts.fullResyncs.count) full"]
        if let items = facts.largestResyncItems { parts.append("largest \(Int(items.value)) items") }
        if let ms = facts.longestResyncMs { parts.append("longest \(ReconnectObservation.ms(ms.value)) ms") }
        return parts.joined(separator: ", ")
    }

    var measured: String {
        guard resyncs > 0 else { return "no resync records (logs)" }
        return summary + "; \(facts.resyncsOverItemBound.count) over max_items, \(facts.resyncsOverDurationBound.count) over max_duration_s (logs)"
    }

    func judge(into assessment: inout Assessment, streams: StreamsSection) {
        guard resyncs > 0 else {
            assessment.note("resync sizes and durations not checked against logs: \(noRecords)")
            return
        }
        let full = facts.fullResyncs
        if !full.isEmpty {
            let declared = streams.resyncMode.map { $0.value != .full ? "declares mode \($0.value.rawValue) at \($0.location); " : "" } ?? ""
            assessment.fail(
                citing: full, as: "full resync",
                "\(declared)the logs show \(full.count) of \(resyncs) resyncs refetching full state (mode full) (\(full.exampleText))",
                fix: "Resync by replaying missed deltas or by a depth-bounded snapshot, never by refetching every order, trade and balance."
            )
        }
        if let bound = streams.resyncMaxItems, !facts.resyncsOverItemBound.isEmpty {
            let over = facts.resyncsOverItemBound
            assessment.fail(
                citing: over, as: "resync over max_items \(bound.value)",
                "the logs show \(over.count) resync\(over.count == 1 ? "" : "s") over the declared max_items \(bound.value) at \(bound.location) (largest \(Int(facts.largestResyncItems?.value ?? 0)) items; \(over.exampleText))",
                fix: "Cap the resync at the book depth the bot needs (or raise streams.resync.max_items to what it really fetches)."
            )
        }
        if let bound = streams.resyncMaxSeconds, !facts.resyncsOverDurationBound.isEmpty {
            let over = facts.resyncsOverDurationBound
            assessment.fail(
                citing: over, as: "resync over max_duration_s \(bound.value)",
                "the logs show \(over.count) resync\(over.count == 1 ? "" : "s") taking longer than the declared max_duration_s \(bound.value) at \(bound.location) (longest \(ReconnectObservation.ms(facts.longestResyncMs?.value ?? 0)) ms; \(over.exampleText))",
                fix: "Bound the resync's time (a smaller snapshot, a deadline that falls back to halting) or declare the bound it really keeps."
            )
        }
        if !hasProblems {
            let at = facts.largestResyncItems?.location ?? facts.longestResyncMs?.location
            assessment.cite(EvidenceRef(.logs, at: at, summary))
        }
    }
}
