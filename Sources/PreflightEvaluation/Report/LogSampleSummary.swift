import PreflightModel

/// What the report says about the log samples themselves: how much was read, what could not be read,
/// and every kind of bad input with up to five file:line examples. Bad input is never fatal.
public struct LogSampleSummary: Codable, Sendable, Equatable {
    public struct BadInput: Codable, Sendable, Equatable {
        public var kind: LogBadInputKind
        public var count: Int
        public var samples: [String]
    }

    /// One input as read: how much of it was understood, and whether it records every request.
    public struct Source: Codable, Sendable, Equatable {
        public var file: String
        public var reading: LogSource.Reading
        public var lines: Int
        public var blankLines: Int
        public var events: Int
        public var badLines: Int
        public var narrativeLines: Int
        public var unrecognisedLines: Int
        /// The first lines not recognised, as file:line: the start of the message.
        public var unrecognisedSamples: [String]
        public var requestRecords: Int
        public var requestLog: RequestLogCompleteness
        /// Why a rate or an attempt count cannot be read from it; nil when it records every request.
        public var requestLogShortfall: String?

        init(_ source: LogSource) {
            file = source.file
            reading = source.reading
            lines = source.lines
            blankLines = source.blankLines
            events = source.events
            badLines = source.badLines
            narrativeLines = source.narrativeLines
            unrecognisedLines = source.unrecognisedLines.count
            unrecognisedSamples = source.unrecognisedLines.samples.map(\.description)
            requestRecords = source.requestRecords
            requestLog = source.requestCompleteness
            requestLogShortfall = source.requestCompleteness.shortfall
        }

        /// Lines preflight understood: events and recognised narrative.
        public var understood: Int { events + narrativeLines }

        /// The share of the non-empty lines understood, in whole percent.
        public var understoodPercent: Int {
            let written = lines - blankLines
            return written <= 0 ? 100 : understood * 100 / written
        }
    }

    public var files: [String]
    public var sources: [Source]
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
        sources = scan.sources.map(Source.init)
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
