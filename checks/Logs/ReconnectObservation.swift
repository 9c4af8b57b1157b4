import PreflightModel

/// What the logs show of reconnects (B5): overlapping attempts, and whether delays grow and vary.
struct ReconnectObservation: LogObservation {
    /// A delay difference under this is timer and logging noise, not growth or jitter.
    static let noiseFloorMs = 20.0
    static let noiseShare = 0.05
    /// Jittered delays show growth only on average: a lack of it counts when each side has this many delays,
    /// or when the delays do not vary at all (then one of each is enough).
    static let delaysToJudgeJitteredGrowth = 5

    struct Measurement {
        var holds: Bool
        var text: String
        var location: SourceLocation?
    }

    let facts: StreamLogFacts
    let noRecords: String
    var attempts: Int { facts.reconnectAttempts }
    /// nil when the logs cannot show it: `growthUnmeasured` says why.
    let growth: Measurement?
    let growthUnmeasured: String
    /// nil when no attempt number was seen twice.
    let jitter: Measurement?

    /// Whose records these are: the bot's logs, or a drill's wire (the stand-in's side of each reconnect).
    let witness: Witness

    init(_ logs: LogEvidence, as witness: Witness = .logs) {
        self.witness = witness
        facts = logs.streams
        noRecords = logs.noRecordsText([.wsReconnectAttempt])
        let delays = facts.reconnectDelays.sorted { $0.attempt < $1.attempt }
        if let first = delays.first, delays.count >= 2 {
            let later = delays.dropFirst()
            let top = later.max { $0.meanMs < $1.meanMs } ?? first
            let grows = top.meanMs - first.meanMs > max(Self.noiseFloorMs, first.meanMs * Self.noiseShare)
            let text = "attempt \(first.attempt) waited \(Self.ms(first.meanMs)) ms on average (\(first.count)×), attempt \(top.attempt) \(Self.ms(top.meanMs)) ms (\(top.count)×)"
            let values = delays.flatMap { [$0.minMs, $0.maxMs, $0.meanMs] }
            let steady = (values.max() ?? 0) - (values.min() ?? 0) <= Self.noiseFloorMs
            let enough = min(first.count, top.count) >= Self.delaysToJudgeJitteredGrowth
            if grows || steady || enough {
                growth = Measurement(holds: grows, text: text, location: top.example)
                growthUnmeasured = ""
            } else {
                growth = nil
                growthUnmeasured = "too few jittered delays to tell (\(text)); at least \(Self.delaysToJudgeJitteredGrowth) per attempt number are needed"
            }
        } else {
            growth = nil
            growthUnmeasured = "delays for fewer than two attempt numbers"
        }
        let repeated = delays.filter { $0.count >= 2 }
        if let widest = repeated.max(by: { $0.spreadMs < $1.spreadMs }) {
            let varies = repeated.contains { $0.spreadMs > max(Self.noiseFloorMs, $0.meanMs * Self.noiseShare) }
            let text = "delays before attempt \(widest.attempt) spread \(Self.ms(widest.spreadMs)) ms over \(widest.count) reconnects (\(Self.ms(widest.minMs))–\(Self.ms(widest.maxMs)) ms)"
            jitter = Measurement(holds: varies, text: text, location: widest.example)
        } else {
            jitter = nil
        }
    }

    var hasProblems: Bool {
        !facts.overlappingReconnects.isEmpty || growth?.holds == false || jitter?.holds == false
    }

    var summary: String {
        guard attempts > 0 else { return noRecords }
        var parts = ["\(attempts) reconnect attempt\(attempts == 1 ? "" : "s")"]
        let overlaps = facts.overlappingReconnects.count
        parts.append(overlaps == 0 ? "none overlapping" : "\(overlaps) overlapping")
        if let growth { parts.append(growth.holds ? "growing delays" : "delays that do not grow") }
        if let jitter { parts.append(jitter.holds ? "jittered delays" : "no jitter") }
        return parts.joined(separator: ", ")
    }

    var measured: String {
        guard attempts > 0 else { return "no ws_reconnect_attempt records (\(witness.tag))" }
        var parts = ["\(facts.overlappingReconnects.count) overlapping of \(attempts) attempts"]
        parts.append(growth?.text ?? "growth not measurable (\(growthUnmeasured))")
        parts.append(jitter?.text ?? "jitter not measurable (no attempt number seen twice)")
        return parts.joined(separator: "; ") + " (\(witness.tag))"
    }

    func judge(into assessment: inout Assessment, declaredSingleFlight: Located<Bool>?) {
        guard attempts > 0 else {
            assessment.note("reconnects not checked against \(witness.source == .drill ? "the wire" : "logs"): \(noRecords)")
            return
        }
        let overlaps = facts.overlappingReconnects
        if !overlaps.isEmpty {
            let declared = declaredSingleFlight.map { $0.value ? "declares single_flight true at \($0.location); " : "" } ?? ""
            assessment.fail(
                citing: overlaps, as: "overlapping reconnect",
                "\(declared)\(witness.the) show \(overlaps.count) reconnect attempt\(overlaps.count == 1 ? "" : "s") overlapping an earlier one for the same stream (\(overlaps.exampleText))",
                fix: "Guard each stream's reconnect with one in-flight task (a per-stream lock or a single reconnect loop), and log each attempt's outcome (ws_connect, or a ws_disconnect / error on failure)."
            )
        }
        if let growth {
            assessment.cite(EvidenceRef(witness.source, at: growth.location, "reconnect delays: \(growth.text)"))
            if !growth.holds {
                assessment.fail(
                    "successive reconnect delays show no growth in \(witness.the): \(growth.text)",
                    fix: "Grow the reconnect delay with each attempt (exponential, capped), and declare it under streams.reconnect.backoff."
                )
            }
        } else {
            assessment.note("growth of reconnect delays not measurable: \(growthUnmeasured)")
        }
        if let jitter {
            assessment.cite(EvidenceRef(witness.source, at: jitter.location, "reconnect jitter: \(jitter.text)"))
            if !jitter.holds {
                assessment.fail(
                    "successive reconnect delays show no jitter in \(witness.the): \(jitter.text)",
                    fix: "Randomise each reconnect delay (full jitter: a delay drawn between 0 and the backoff ceiling), and declare jitter: full under streams.reconnect.backoff."
                )
            }
        } else {
            assessment.note("jitter of reconnect delays not measurable: no attempt number was seen twice in \(witness.the)")
        }
    }

    static func ms(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String((value * 10).rounded() / 10)
    }
}
