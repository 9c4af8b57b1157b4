/// What reading the log samples found, before any fact is derived: how much was read, how many
/// events of each kind, and every kind of bad input with examples.
public struct LogScan: Codable, Sendable, Equatable {
    /// Every input read, in reading order; event positions index into it.
    public var files: [String]
    /// Per input read, in the same order as `files`: how much was understood, whether it records every request.
    public var sources: [LogSource]
    public var unreadable: [UnreadableLog]
    /// Bytes read after decompression.
    public var bytes: Int
    public var lines: Int
    public var eventsByKind: [LogEventKind: Int]
    public var badInput: [LogBadInputKind: LogRecordTally]
    /// The event names that matched no kind nor alias, most frequent first (bounded), so that the
    /// report can suggest a `logs.events` alias.
    public var unknownEventNames: [UnknownEventName]

    public init(
        files: [String] = [], sources: [LogSource] = [], unreadable: [UnreadableLog] = [], bytes: Int = 0, lines: Int = 0,
        eventsByKind: [LogEventKind: Int] = [:], badInput: [LogBadInputKind: LogRecordTally] = [:],
        unknownEventNames: [UnknownEventName] = []
    ) {
        self.files = files
        self.sources = sources
        self.unreadable = unreadable
        self.bytes = bytes
        self.lines = lines
        self.eventsByKind = eventsByKind
        self.badInput = badInput
        self.unknownEventNames = unknownEventNames
    }

    public var events: Int { eventsByKind.values.reduce(0, +) }
    public var badInputCount: Int { badInput.values.reduce(0) { $0 + $1.count } }
    public func count(_ kind: LogEventKind) -> Int { eventsByKind[kind] ?? 0 }
    public func count(_ kind: LogBadInputKind) -> Int { badInput[kind]?.count ?? 0 }

    public struct UnknownEventName: Codable, Sendable, Equatable {
        public var name: String
        public var count: Int

        public init(name: String, count: Int) {
            self.name = name
            self.count = count
        }
    }
}
