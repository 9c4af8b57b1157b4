import PreflightModel

/// What the report says about the log samples themselves: how much was read, what could not be read,
/// and every kind of bad input with up to five file:line examples. Bad input is never fatal.
public struct LogSampleSummary: Codable, Sendable, Equatable {
    public struct BadInput: Codable, Sendable, Equatable {
        public var kind: LogBadInputKind
        public var count: Int
        public var samples: [String]
    }

    public var files: [String]
    public var unreadable: [UnreadableLog]
    public var bytes: Int
    public var lines: Int
    public var events: Int
    public var eventsByKind: [String: Int]
    public var badInput: [BadInput]
    /// Event names that matched nothing, with how often: candidates for `logs.events` aliases.
    public var unknownEventNames: [LogScan.UnknownEventName]

    init(_ scan: LogScan) {
        files = scan.files
        unreadable = scan.unreadable
        bytes = scan.bytes
        lines = scan.lines
        events = scan.events
        eventsByKind = Dictionary(uniqueKeysWithValues: scan.eventsByKind.map { ($0.key.rawValue, $0.value) })
        badInput = LogBadInputKind.allCases.compactMap { kind in
            guard let tally = scan.badInput[kind], tally.count > 0 else { return nil }
            return BadInput(kind: kind, count: tally.count, samples: tally.samples.map(\.description))
        }
        unknownEventNames = scan.unknownEventNames
    }
}
