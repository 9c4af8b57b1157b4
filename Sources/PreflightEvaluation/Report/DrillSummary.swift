import PreflightModel

/// The drill's timeline as the report shows it: the scenario, each phase with what it armed and what the
/// bot sent meanwhile, how the bot ended, what the wire record holds.
public struct DrillSummary: Codable, Sendable, Equatable {
    public struct Phase: Codable, Sendable, Equatable {
        public var name: String
        public var faults: [String]
        public var startSeconds: Double
        public var endSeconds: Double
        public var requests: Int
        public var signedRequests: Int
        public var orderPlacements: Int
        public var streamConnects: Int
        /// Answers the phase's faults shaped.
        public var injected: Int
        /// Whether the bot met the fault; a phase with faults that it never met leaves its items unknown.
        public var exercised: Bool
        /// "rate_limit (00:08–00:18)"
        public var label: String
        /// The verdicts this phase fed: the items whose findings name it ("B2 pass").
        public var verdicts: [String]
    }

    public var scenario: String
    public var wire: String
    public var durationSeconds: Double
    public var phases: [Phase]
    public var wireRequests: Int
    public var wireEventsDropped: Int
    public var duplicateOrders: Int
    /// The bot's command and how the drill ended it; nil in attach mode.
    public var botCommand: [String]?
    public var botEnding: String?

    init(_ drill: DrillEvidence, items: [ReportItem]) {
        scenario = drill.scenario
        wire = drill.wirePath
        durationSeconds = (drill.endedAt.timeIntervalSince(drill.startedAt) * 10).rounded() / 10
        phases = drill.phases.map { phase in
            Phase(
                name: phase.name, faults: phase.faults, startSeconds: phase.startSeconds, endSeconds: phase.endSeconds,
                requests: phase.requests, signedRequests: phase.signedRequests, orderPlacements: phase.orderPlacements,
                streamConnects: phase.streamConnects, injected: phase.injected,
                exercised: phase.faults.isEmpty || phase.exercised, label: phase.label,
                verdicts: items.filter { item in item.details.contains { $0.contains(phase.label) } || item.summary.contains(phase.label) }
                    .map { "\($0.id) \($0.status.rawValue)" }
            )
        }
        wireRequests = drill.requestsOnTheWire
        wireEventsDropped = drill.wireEventsDropped
        duplicateOrders = drill.duplicateOrders.count
        botCommand = drill.bot?.command
        botEnding = drill.bot?.ending
    }

    /// One line per phase: "rate_limit (00:08–00:18): 31 requests (12 signed, 4 orders), 9 answers shaped by the fault".
    public var phaseLines: [String] {
        phases.map { phase in
            let armed = phase.faults.isEmpty ? ", no fault" : (phase.faults == [phase.name] ? "" : ", arms \(phase.faults.joined(separator: ", "))")
            var line = "\(phase.label)\(armed): \(Self.count(phase.requests, "request")) (\(phase.signedRequests) signed, "
                + "\(Self.count(phase.orderPlacements, "order")))"
            if phase.streamConnects > 0 { line += ", \(Self.count(phase.streamConnects, "stream connect"))" }
            if !phase.faults.isEmpty {
                line += phase.exercised
                    ? ", \(Self.count(phase.injected, "answer")) shaped by the fault"
                    : ", never exercised: the bot sent nothing the fault applies to"
            }
            if !phase.verdicts.isEmpty { line += "; fed \(phase.verdicts.joined(separator: ", "))" }
            return line
        }
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// "drill quick: 70.4 s, 9 phases, 263 requests on the wire (/tmp/d/wire.jsonl)"
    public var headline: String {
        "drill \(scenario): \(NumberText.short(durationSeconds)) s, \(phases.count) phases, \(wireRequests) requests on the wire (\(wire))"
    }

    /// The bot's command and ending, and what the wire could not keep.
    public var notes: [String] {
        var notes: [String] = []
        if let command = botCommand { notes.append("bot: \(command.joined(separator: " ")) (\(botEnding ?? "ended"))") }
        if duplicateOrders > 0 { notes.append("\(duplicateOrders) double order\(duplicateOrders == 1 ? "" : "s") on the stand-in") }
        if wireEventsDropped > 0 { notes.append("\(wireEventsDropped) wire events not kept: the record was full") }
        return notes
    }
}
