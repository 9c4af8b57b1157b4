/// One log input as it was read: how much of it preflight understood, and whether it records
/// every request (which a rate can only be measured from).
public struct LogSource: Codable, Sendable, Equatable {
    /// How its lines were read.
    public enum Reading: String, Codable, Sendable {
        /// JSON lines or logfmt records, one event per record.
        case structured
        /// A framework's plain text (`logs.format` freqtrade or hummingbot): a few known messages become events.
        case freqtradeText = "freqtrade_text"
        case hummingbotText = "hummingbot_text"

        public var isFrameworkText: Bool { self != .structured }
    }

    public var file: String
    public var reading: Reading
    public var lines: Int
    /// Empty lines (a framework's multi-line records hold some): neither understood nor not.
    public var blankLines: Int
    /// Lines that became events.
    public var events: Int
    /// Lines counted as bad input (broken, truncated, unknown event, no time).
    public var badLines: Int
    /// Framework text lines recognised as narrative (banners, strategy chatter): read and understood, no event.
    public var narrativeLines: Int
    /// Framework text lines that matched no message preflight knows, with the first few.
    public var unrecognisedLines: LogRecordTally
    /// api_request records, and of them those that succeeded (2xx) and those that failed (an error status or code).
    public var requestRecords: Int
    public var successfulRequests: Int
    public var failedRequests: Int

    public init(
        file: String, reading: Reading, lines: Int = 0, blankLines: Int = 0, events: Int = 0, badLines: Int = 0, narrativeLines: Int = 0,
        unrecognisedLines: LogRecordTally = LogRecordTally(), requestRecords: Int = 0, successfulRequests: Int = 0,
        failedRequests: Int = 0
    ) {
        self.file = file
        self.reading = reading
        self.lines = lines
        self.blankLines = blankLines
        self.events = events
        self.badLines = badLines
        self.narrativeLines = narrativeLines
        self.unrecognisedLines = unrecognisedLines
        self.requestRecords = requestRecords
        self.successfulRequests = successfulRequests
        self.failedRequests = failedRequests
    }

    /// Whether the source can show a request rate: only a log that records every request can.
    public var requestCompleteness: RequestLogCompleteness {
        if reading.isFrameworkText { return .frameworkText }
        if requestRecords == 0 { return .noRequests }
        return failedRequests == requestRecords ? .failuresOnly : .complete
    }
}

/// Whether a log source records every request the bot made.
public enum RequestLogCompleteness: String, Codable, Sendable {
    /// Its request records include successful ones: it logs requests, not only their failures.
    case complete
    /// Every request record it holds is a failure: successful requests are not logged.
    case failuresOnly = "failures_only"
    /// A framework's plain-text log: it writes a line for some failures and orders, never for every request.
    case frameworkText = "framework_text"
    /// It holds no request record at all.
    case noRequests = "no_requests"

    /// Why a rate or an attempt count cannot be measured from such a source; nil when it can.
    public var shortfall: String? {
        switch self {
        case .complete: nil
        case .failuresOnly: "its api_request records are all failures, so successful requests are not logged"
        case .frameworkText: "a framework's plain-text log writes lines for some failures and orders, never for every request"
        case .noRequests: "it holds no api_request records"
        }
    }
}

extension LogScan {
    /// The sources that hold request records but do not record every request, with why.
    public var incompleteRequestSources: [(file: String, why: String)] {
        sources.compactMap { source in
            let completeness = source.requestCompleteness
            guard completeness == .failuresOnly || completeness == .frameworkText, let why = completeness.shortfall
            else { return nil }
            return (source.file, why)
        }
    }

    /// Whether every source that logs requests logs all of them (and at least one does).
    public var requestLogsAreComplete: Bool {
        sources.contains { $0.requestCompleteness == .complete } && incompleteRequestSources.isEmpty
    }

    /// "bot.log (its api_request records are all failures, …)" for findings.
    public var incompleteRequestSourcesText: String {
        incompleteRequestSources.map { "\($0.file) (\($0.why))" }.joined(separator: "; ")
    }
}
