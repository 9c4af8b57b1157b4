import Foundation

/// What a drill saw: the bot trading against the exchange stand-in while the scenario's phases
/// provoked faults, recorded from the exchange's side of the wire.
public struct DrillEvidence: Codable, Sendable {
    /// The scenario played (`quick`, `standard`, a fault's name, or a file).
    public var scenario: String
    /// Where the wire record was written (canonical JSON lines; the citations' file).
    public var wirePath: String
    public var startedAt: Date
    public var endedAt: Date
    public var phases: [DrillPhaseRecord]
    /// The wire record read by the same fact builders as log samples.
    public var wire: LogEvidence
    /// Orders placed again under a new client order id after their answer was lost: double orders.
    public var duplicateOrders: [DrillDuplicateOrder]
    /// The bot process, when the drill started it; nil in attach mode.
    public var bot: DrillBotProcess?
    /// Wire events not kept because the record was full.
    public var wireEventsDropped: Int
    /// What the bot sent after the provocations a rule needs answered (a depth snapshot after a gap, a
    /// server-time query after a clock step).
    public var reactions: [DrillReaction]
    /// The bot's load before and after each rate-limit phase's first 429 or 418.
    public var loadChanges: [DrillLoadChange]
    /// Each failure class a phase provoked: its failures and the class's requests, for the breakers (C5).
    public var failureRuns: [DrillFailureRun]
    /// What the drill did to the bot's process and switches (crashes, the kill switch) and its health
    /// endpoint's answers; nil when the scenario had no such fault and no endpoint was polled.
    public var process: DrillProcessFaults?
    /// The wire lines where the stand-in closed a stream (ws_disconnect); nil in bundles written before.
    public var closedStreams: [SourceLocation]?

    public init(
        scenario: String, wirePath: String, startedAt: Date, endedAt: Date, phases: [DrillPhaseRecord], wire: LogEvidence,
        duplicateOrders: [DrillDuplicateOrder] = [], bot: DrillBotProcess? = nil, wireEventsDropped: Int = 0,
        reactions: [DrillReaction] = [], loadChanges: [DrillLoadChange] = [], failureRuns: [DrillFailureRun] = [],
        process: DrillProcessFaults? = nil
    ) {
        self.scenario = scenario
        self.wirePath = wirePath
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.phases = phases
        self.wire = wire
        self.duplicateOrders = duplicateOrders
        self.bot = bot
        self.wireEventsDropped = wireEventsDropped
        self.reactions = reactions
        self.loadChanges = loadChanges
        self.failureRuns = failureRuns
        self.process = process
    }

    /// Every REST request the stand-in received: one api_request record each.
    public var requestsOnTheWire: Int { wire.scan.eventsByKind[.apiRequest] ?? 0 }

    /// The bot's reactions to `fault`, when the drill provoked it.
    public func reaction(to fault: String) -> DrillReaction? { reactions.first { $0.fault == fault } }

    /// The phases that armed a fault of this name.
    public func phases(with fault: String) -> [DrillPhaseRecord] { phases.filter { $0.faults.contains(fault) } }

    /// The phase a wire line belongs to, by the lines each phase's record spans.
    public func phase(atWireLine line: Int) -> DrillPhaseRecord? {
        phases.first { phase in phase.firstWireLine.map { line >= $0 } ?? false && phase.lastWireLine.map { line <= $0 } ?? false }
    }
}

/// One phase of a drill: the faults it armed, when, and what the bot sent meanwhile.
public struct DrillPhaseRecord: Codable, Sendable, Equatable {
    public var name: String
    public var faults: [String]
    /// Seconds from the drill's start.
    public var startSeconds: Double
    public var endSeconds: Double
    /// The wire record's lines from the phase's start to its end (nil when nothing was recorded).
    public var firstWireLine: Int?
    public var lastWireLine: Int?
    /// REST requests that arrived during the phase, and how many of them were signed.
    public var requests: Int
    public var signedRequests: Int
    public var orderPlacements: Int
    public var streamConnects: Int
    /// Answers the phase's faults shaped (a 429 sent, an order's answer dropped, a stream closed …).
    public var injected: Int

    public init(
        name: String, faults: [String], startSeconds: Double, endSeconds: Double, firstWireLine: Int? = nil,
        lastWireLine: Int? = nil, requests: Int = 0, signedRequests: Int = 0, orderPlacements: Int = 0,
        streamConnects: Int = 0, injected: Int = 0
    ) {
        self.name = name
        self.faults = faults
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.firstWireLine = firstWireLine
        self.lastWireLine = lastWireLine
        self.requests = requests
        self.signedRequests = signedRequests
        self.orderPlacements = orderPlacements
        self.streamConnects = streamConnects
        self.injected = injected
    }

    /// Whether the bot did what the phase's faults need to bite (a fault that acts at once, a clock step or
    /// closed streams, counts when the bot then sent anything at all).
    public var exercised: Bool { injected > 0 }

    /// "phase 3 rate_limit (00:05–00:20)".
    public var label: String {
        "\(name) (\(Self.clock(startSeconds))–\(Self.clock(endSeconds)))"
    }

    static func clock(_ seconds: Double) -> String {
        let whole = max(0, Int(seconds.rounded()))
        let minutes = whole / 60, rest = whole % 60
        return "\(minutes < 10 ? "0" : "")\(minutes):\(rest < 10 ? "0" : "")\(rest)"
    }
}

/// An order placed again under a new client order id after the stand-in booked the first and dropped
/// its answer: the exchange now holds two.
public struct DrillDuplicateOrder: Codable, Sendable, Equatable {
    public var orderID: Int64
    public var duplicateOfOrderID: Int64
    public var clientOrderID: String?
    public var location: SourceLocation
    /// "crash": the first order was left open by the process the drill killed, and the next process
    /// placed it again; nil or "lost_response": its answer was withheld and the bot re-sent it.
    public var cause: String?

    public init(orderID: Int64, duplicateOfOrderID: Int64, clientOrderID: String?, location: SourceLocation, cause: String? = nil) {
        self.orderID = orderID
        self.duplicateOfOrderID = duplicateOfOrderID
        self.clientOrderID = clientOrderID
        self.location = location
        self.cause = cause
    }

    public var afterCrash: Bool { cause == "crash" }
}

/// The bot process a drill ran: its command, where its output went, how it ended.
public struct DrillBotProcess: Codable, Sendable, Equatable {
    public var command: [String]
    public var stdoutPath: String
    public var stderrPath: String
    /// nil while it ran to the end of the scenario; otherwise the exit status (or 128 + signal).
    public var exitedEarly: Int32?
    /// How the drill ended it: "SIGTERM", "SIGKILL after 5 s", or "exited by itself with 1".
    public var ending: String

    public init(command: [String], stdoutPath: String, stderrPath: String, exitedEarly: Int32?, ending: String) {
        self.command = command
        self.stdoutPath = stdoutPath
        self.stderrPath = stderrPath
        self.exitedEarly = exitedEarly
        self.ending = ending
    }
}
