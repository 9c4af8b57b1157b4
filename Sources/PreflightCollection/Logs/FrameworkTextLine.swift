import Foundation
import PreflightModel

/// Reads the plain-text logs of freqtrade and hummingbot: the header every record starts with, then the
/// message, which each framework's catalogue (`FreqtradeLogLine`, `HummingbotLogLine`) recognises as an
/// event, as narrative, or not at all. What the text never carries (close codes in freqtrade, in-flight
/// counts, latencies, freqtrade's client order ids) stays absent, and the items that need it say so.
///
/// freqtrade: `%(asctime)s - %(name)s - %(levelname)s - %(message)s` (freqtrade/loggers/__init__.py:20).
/// hummingbot: `%(asctime)s - %(process)d - %(name)s - %(levelname)s - %(message)s`
/// (hummingbot/templates/hummingbot_logs_TEMPLATE.yml:7). `asctime` is `2026-12-01 11:32:44,812`, the host's
/// local time with no zone: it is read as UTC.
enum FrameworkTextLine {
    /// What a catalogue made of one message.
    enum Meaning: Equatable {
        case event(LogEventKind)
        /// Understood, and not an event (startup chatter, strategy output, a backoff notice).
        case narrative
        case unrecognised
    }

    /// One record's header (after its time) and message.
    struct Record {
        var logger: Substring
        var level: Substring
        var message: Substring
    }

    static func parse(
        _ p: UnsafePointer<UInt8>, _ count: Int, framework: LogsSection.Format, terminated: Bool, position: LogPosition,
        into event: inout LogEvent
    ) -> LogLineParser.Outcome {
        guard let line = String(validating: UnsafeBufferPointer(start: p, count: count), as: UTF8.self) else {
            return .bad(.binaryJunk, detail: nil)
        }
        // A line that does not start with a date continues the record before it: a traceback, or a message
        // the console wrapped at its width.
        guard startsWithDate(p, count) else { return .narrative }
        guard let record = record(line, framework: framework) else {
            return .bad(terminated ? .unparseableLine : .truncatedLine, detail: nil)
        }
        // The date is the first 23 bytes (`2026-12-01 11:32:44,812`); from 1970 to 2200, as every log time.
        guard let nanoseconds = LogTimeParsing.iso8601(p, 0, 23), let time = LogInstant(checkedNanoseconds: nanoseconds) else {
            return .bad(.invalidTimestamp, detail: "unreadable time \(line.prefix(23))")
        }
        event = LogEvent(kind: .heartbeat, time: time, position: position)
        event.level = LogLevel(frameworkName: record.level)
        let meaning = framework == .hummingbot
            ? HummingbotLogLine.read(record, into: &event)
            : FreqtradeLogLine.read(record, into: &event)
        switch meaning {
        case .event(let kind):
            event.kind = kind
            event.fields = carriedFields(event)
            return .event
        case .narrative:
            return .narrative
        case .unrecognised:
            return .unrecognised(sample(record))
        }
    }

    /// The fields the text gave a value, as a structured record's keys would say.
    private static func carriedFields(_ event: LogEvent) -> LogFieldSet {
        var fields = LogFieldSet([.time, .level, .message, .event])
        let present: [(Bool, LogField)] = [
            (event.endpoint != nil, .endpoint), (event.method != nil, .method), (event.status != nil, .status),
            (event.errorCode != nil, .errorCode), (event.attempt != nil, .attempt), (event.signed != nil, .signed),
            (event.clientOrderID != nil, .clientOrderID), (event.stream != nil, .stream), (event.closeCode != nil, .closeCode),
        ]
        for (carried, field) in present where carried { fields.insert(field) }
        return fields
    }

    /// `YYYY-MM-DD` at the start.
    private static func startsWithDate(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard count >= 10 else { return false }
        for index in [0, 1, 2, 3, 5, 6, 8, 9] where p[index] &- UInt8(ascii: "0") >= 10 { return false }
        return p[4] == UInt8(ascii: "-") && p[7] == UInt8(ascii: "-")
    }

    /// The header's fields; nil when the line has a date but not the framework's header.
    private static func record(_ line: String, framework: LogsSection.Format) -> Record? {
        guard line.utf8.count > 23 else { return nil }
        var rest = line.dropFirst(23)
        guard rest.hasPrefix(" - ") else { return nil }
        rest = rest.dropFirst(3)
        if framework == .hummingbot {
            guard let pid = rest.range(of: " - "), rest[..<pid.lowerBound].allSatisfy(\.isNumber) else { return nil }
            rest = rest[pid.upperBound...]
        }
        guard let loggerEnd = rest.range(of: " - ") else { return nil }
        let logger = rest[..<loggerEnd.lowerBound]
        rest = rest[loggerEnd.upperBound...]
        guard let levelEnd = rest.range(of: " - ") else { return nil }
        let level = rest[..<levelEnd.lowerBound]
        guard !logger.isEmpty, !level.isEmpty, level.allSatisfy({ $0.isUppercase || $0 == "_" }) else { return nil }
        return Record(logger: logger, level: level, message: rest[levelEnd.upperBound...])
    }

    /// The start of an unrecognised message for the report: the logger and up to 60 characters, cut before
    /// any query string (a signed URL's signature never reaches a report).
    static func sample(_ record: Record) -> String {
        var message = record.message.prefix(60)
        if let query = message.firstIndex(of: "?") { message = message[..<query] + "?…" }
        return "\(record.logger): \(message)\(record.message.count > 60 ? "…" : "")"
    }
}

extension LogLevel {
    /// python's level names, and hummingbot's own (NETWORK 16, EVENT_LOG 15, METRIC_LOG 14: below INFO).
    init?(frameworkName name: Substring) {
        switch name {
        case "DEBUG", "NETWORK", "EVENT_LOG", "METRIC_LOG": self = .debug
        case "INFO": self = .info
        case "WARNING": self = .warn
        case "ERROR": self = .error
        case "CRITICAL": self = .fatal
        default: return nil
        }
    }
}
