import PreflightModel

/// What the logs show of stream sequence numbers (D3): which messages carry them, and whether
/// every gap preflight finds is matched by the bot's own ws_gap record.
struct SequenceObservation: LogObservation {
    let facts: StreamLogFacts
    let fields: String
    let messages: Int
    let noRecords: String
    /// The first log file read, for citing the logs as a whole.
    let readLocation: SourceLocation?

    init(_ logs: LogEvidence, fields: String) {
        facts = logs.streams
        self.fields = fields
        messages = logs.scan.count(.wsMessage)
        noRecords = logs.noRecordsText([.wsMessage])
        readLocation = logs.scan.files.first.map { SourceLocation(file: $0) }
    }

    var windowText: String { "\(Int(StreamLogFacts.gapMatchWindowMs / 1000)) s" }

    var hasProblems: Bool {
        messages > 0 && (facts.sequencedMessages == 0 || !facts.unmatchedGaps.isEmpty)
    }

    /// The bot's own gap records account for the gaps found: it tracks sequences, whatever it declares.
    var showsTracking: Bool {
        facts.sequencedMessages > 0 && facts.gapsFound > 0 && facts.unmatchedGaps.isEmpty
    }

    var summary: String {
        guard messages > 0 else { return noRecords }
        let streams = facts.sequencedStreams
        var text = "\(facts.sequencedMessages) of \(messages) ws_message records with sequence numbers on \(streams) stream\(streams == 1 ? "" : "s")"
        if facts.gapsFound == 0 {
            text += ", no gap"
        } else {
            text += ", \(facts.gapsFound) gap\(facts.gapsFound == 1 ? "" : "s") (\(facts.unmatchedGaps.count) without a ws_gap record)"
        }
        return text
    }

    var measured: String {
        guard messages > 0 else { return "no ws_message records (logs)" }
        return "\(facts.sequencedMessages)/\(messages) messages sequenced; gaps found \(facts.gapsFound), unmatched \(facts.unmatchedGaps.count); ws_gap records \(facts.gapRecords); resets \(facts.sequenceResets) (logs)"
    }

    func judge(into assessment: inout Assessment, declaredTracking: Located<Bool>?) {
        guard messages > 0 else {
            assessment.note("gaps not checked against logs: \(noRecords)")
            return
        }
        let declared = declaredTracking.map { $0.value ? "declares sequence_tracking true at \($0.location); " : "" } ?? ""
        if facts.sequencedMessages == 0 {
            assessment.fail(
                citing: facts.unsequencedMessages, as: "ws_message without \(fields)",
                "\(declared)none of the \(messages) ws_message records in the logs carries \(fields) (\(facts.unsequencedMessages.exampleText))",
                fix: "Log the exchange's sequence fields (\(fields)) on each stream message record, or map the bot's names for them under logs.fields in preflight.yml."
            )
            return
        }
        assessment.cite(EvidenceRef(.logs, at: readLocation, summary))
        let unmatched = facts.unmatchedGaps
        if !unmatched.isEmpty {
            assessment.fail(
                citing: unmatched, as: "gap without a ws_gap record",
                "\(declared)preflight found \(unmatched.count) gap\(unmatched.count == 1 ? "" : "s") in the logged sequence numbers with no ws_gap record from the bot within \(windowText) (\(unmatched.exampleText))",
                fix: "Compare \(fields) of each message with the previous one; on a gap, log a ws_gap record for the stream and resync (or halt)."
            )
        }
        if !facts.unsequencedMessages.isEmpty {
            assessment.note("\(facts.unsequencedMessages.count) ws_message records carry no sequence numbers (e.g. \(facts.unsequencedMessages.exampleText)); streams without them cannot be checked for gaps")
        }
        if facts.untrackedStreams > 0 {
            assessment.note("\(facts.untrackedStreams) streams beyond the first 1024 were not followed")
        }
    }
}
