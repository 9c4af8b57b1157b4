import Foundation
import PreflightModel

/// Turns one log line into an event, or says why it cannot. One per reader: it reuses its
/// capture buffer from line to line, so it is not shared between threads.
final class LogLineParser {
    enum Outcome {
        /// The event was written to the caller's `event`.
        case event
        case blank
        /// A framework text line recognised as narrative: understood, but not an event.
        case narrative
        /// A framework text line whose message matches nothing preflight knows (its start, for the report).
        case unrecognised(String)
        case bad(LogBadInputKind, detail: String?)
        /// A parsed record whose event name is not a known kind (see `unknownEventName`).
        case unknownEvent
    }

    let vocabulary: LogVocabulary
    let format: LogsSection.Format
    let timeFormat: LogsSection.TimeFormat
    private let slots: UnsafeMutablePointer<LogValueSpan>
    private var present: UInt64 = 0
    /// After `.unknownEvent`: the span of the event (or message) name, nil when the record had neither.
    private(set) var unknownName: LogValueSpan?
    /// After `.event`: the first numeric field whose value was out of its plausible range (and was dropped).
    private(set) var outOfRange: (field: LogField, value: Double)?
    private static let fieldCount = LogField.allCases.count
    private static let kinds = LogEventKind.allCases

    init(vocabulary: LogVocabulary, format: LogsSection.Format, timeFormat: LogsSection.TimeFormat) {
        self.vocabulary = vocabulary
        self.format = format
        self.timeFormat = timeFormat
        slots = .allocate(capacity: Self.fieldCount)
        slots.initialize(repeating: LogValueSpan(), count: Self.fieldCount)
    }

    deinit { slots.deallocate() }

    /// `terminated` is false for a last line that had no newline. At least 8 readable bytes must
    /// follow `p[count - 1]` (the reader pads its buffer), for word-at-a-time key lookups.
    func parse(
        _ p: UnsafePointer<UInt8>, _ count: Int, terminated: Bool, position: LogPosition, into event: inout LogEvent
    ) -> Outcome {
        var n = count
        if n > 0, p[n - 1] == UInt8(ascii: "\r") { n -= 1 }
        var first = 0
        while first < n, p[first] == UInt8(ascii: " ") || p[first] == UInt8(ascii: "\t") { first += 1 }
        if first == n { return .blank }

        present = 0
        let asJSON: Bool
        switch format {
        case .jsonl: asJSON = true
        case .logfmt: asJSON = false
        case .auto: asJSON = p[first] == UInt8(ascii: "{")
        case .freqtrade, .hummingbot:
            return FrameworkTextLine.parse(p, n, framework: format, terminated: terminated, position: position, into: &event)
        }
        let parsed = asJSON ? scanJSON(p, n) : scanLogfmt(p, n)
        guard parsed else {
            return .bad(failureKind(p, count, json: asJSON, terminated: terminated), detail: nil)
        }
        return self.event(p, position: position, into: &event)
    }

    @inline(__always)
    func capture(_ payload: UInt16, start: Int, end: Int, kind: LogValueSpan.Kind) {
        let index = Int(payload & 0xFF)
        let rank = UInt8(payload >> 8)
        let bit: UInt64 = 1 << UInt64(index)
        if present & bit != 0, slots[index].rank < rank { return }
        present |= bit
        slots[index] = LogValueSpan(start: Int32(start), end: Int32(end), kind: kind, rank: rank)
    }

    /// The span of a field the record carried, by the field's declaration index.
    @inline(__always)
    private func span(_ index: Int) -> LogValueSpan? {
        present & (1 << UInt64(index)) != 0 ? slots[index] : nil
    }

    static let timeIndex = LogField.time.index, levelIndex = LogField.level.index
    static let messageIndex = LogField.message.index, eventIndex = LogField.event.index
    private static let fieldsByIndex = LogField.allCases

    /// A line that does not parse: junk, cut off, or merely malformed.
    private func failureKind(_ p: UnsafePointer<UInt8>, _ n: Int, json: Bool, terminated: Bool) -> LogBadInputKind {
        let bytes = UnsafeBufferPointer(start: p, count: n)
        let hasControlBytes = bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0D || $0 == 0x7F }
        if hasControlBytes || String(validating: bytes, as: UTF8.self) == nil { return .binaryJunk }
        if !terminated { return .truncatedLine }
        return json ? .invalidJSON : .unparseableLine
    }

    // MARK: building the event

    private func event(_ p: UnsafePointer<UInt8>, position: LogPosition, into event: inout LogEvent) -> Outcome {
        var kind: LogEventKind?
        if let name = span(Self.eventIndex) { kind = eventKind(p, name) }
        if kind == nil, let message = span(Self.messageIndex) { kind = eventKind(p, message) }
        guard let kind else {
            unknownName = span(Self.eventIndex) ?? span(Self.messageIndex)
            return .unknownEvent
        }
        guard let timeSpan = span(Self.timeIndex), timeSpan.kind != .null else {
            return .bad(.missingTimestamp, detail: nil)
        }
        guard let time = instant(p, timeSpan, format: timeFormat) else {
            return .bad(.invalidTimestamp, detail: text(p, timeSpan).map { "unreadable time \(String($0.prefix(40)))" })
        }
        event = LogEvent(kind: kind, time: time, position: position)
        event.fields = LogFieldSet(rawValue: present)
        outOfRange = nil
        // time, level, message and event are handled apart (the first four fields; a test keeps them first).
        var remaining = present & ~0b1111
        if let level = span(Self.levelIndex) { event.level = self.level(p, level) }
        while remaining != 0 {
            let index = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            fill(&event, Self.fieldsByIndex[index], p, slots[index])
        }
        return .event
    }

    private func fill(_ event: inout LogEvent, _ field: LogField, _ p: UnsafePointer<UInt8>, _ value: LogValueSpan) {
        switch field {
        case .time, .level, .message, .event: break
        case .endpoint: event.endpoint = text(p, value)
        case .method: event.method = text(p, value)
        case .status: event.status = bounded(integer(p, value), field, &event)
        case .errorCode: event.errorCode = text(p, value)
        case .attempt: event.attempt = bounded(integer(p, value), field, &event)
        case .latencyMs: event.latencyMs = bounded(number(p, value), field, &event)
        case .concurrencyInflight: event.concurrencyInflight = bounded(integer(p, value), field, &event)
        case .signed: event.signed = flag(p, value)
        case .requestTimestamp: event.requestTimestamp = instant(p, value, format: .auto)
        case .recvWindow: event.recvWindowMs = bounded(number(p, value), field, &event)
        case .clockOffsetMs: event.clockOffsetMs = bounded(number(p, value), field, &event)
        case .retryAfter: event.retryAfterSeconds = bounded(number(p, value), field, &event)
        case .requestID: event.requestID = text(p, value)
        case .clientOrderID: event.clientOrderID = text(p, value)
        case .stream: event.stream = text(p, value)
        case .closeCode: event.closeCode = bounded(integer(p, value), field, &event)
        case .lastMessageAgoMs: event.lastMessageAgoMs = bounded(number(p, value), field, &event)
        case .uptimeSeconds: event.uptimeSeconds = bounded(number(p, value), field, &event)
        case .sequence: event.sequence = integer(p, value).map(Int64.init)
        case .firstUpdateID: event.firstUpdateID = integer(p, value).map(Int64.init)
        case .lastUpdateID: event.lastUpdateID = integer(p, value).map(Int64.init)
        case .prevUpdateID: event.prevUpdateID = integer(p, value).map(Int64.init)
        case .messageType: event.isSnapshot = text(p, value).map { $0.lowercased() == "snapshot" }
        case .resyncItems: event.resyncItems = bounded(integer(p, value), field, &event)
        case .resyncMode: event.resyncMode = text(p, value)
        case .breakerState: event.breakerState = text(p, value)
        }
    }

    /// The value when it is within the field's plausible range; otherwise nil, the field no longer counted as
    /// carried, and the first such field remembered for the report.
    @inline(__always)
    private func bounded(_ value: Double?, _ field: LogField, _ event: inout LogEvent) -> Double? {
        guard let value, let range = field.plausibleRange, !range.contains(value) else { return value }
        drop(field, value, &event)
        return nil
    }

    @inline(__always)
    private func bounded(_ value: Int?, _ field: LogField, _ event: inout LogEvent) -> Int? {
        guard let value, let range = field.plausibleRange, !range.contains(Double(value)) else { return value }
        drop(field, Double(value), &event)
        return nil
    }

    private func drop(_ field: LogField, _ value: Double, _ event: inout LogEvent) {
        event.fields = LogFieldSet(rawValue: event.fields.rawValue & ~(1 << UInt64(field.index)))
        if outOfRange == nil { outOfRange = (field, value) }
    }

    private func eventKind(_ p: UnsafePointer<UInt8>, _ value: LogValueSpan) -> LogEventKind? {
        let payload: UInt16?
        switch value.kind {
        case .string, .bare:
            let start = p + Int(value.start), count = Int(value.end - value.start)
            payload = vocabulary.events.lookup(start, count) ?? vocabulary.foldedEvents.lookup(start, count)
        case .escapedString:
            let decoded = Array(decodeEscapes(p, Int(value.start), Int(value.end)).utf8)
            payload = decoded.isEmpty ? nil : decoded.withUnsafeBufferPointer {
                vocabulary.foldedEvents.lookup($0.baseAddress!, $0.count)
            }
        default:
            payload = nil
        }
        return payload.map { Self.kinds[Int($0)] }
    }

    private func level(_ p: UnsafePointer<UInt8>, _ value: LogValueSpan) -> LogLevel? {
        let start = Int(value.start), count = Int(value.end - value.start)
        switch value.kind {
        case .number:
            return integer(p, value).flatMap(LogLevel.init(pinoNumber:))
        case .string, .bare, .escapedString:
            guard count > 0 else { return nil }
            if let number = integer(p, value) { return LogLevel(pinoNumber: number) }
            // zap's `dpanic` is a panic, not a debug level.
            if count == 6, p[start] | 0x20 == UInt8(ascii: "d"), p[start + 1] | 0x20 == UInt8(ascii: "p") {
                return .fatal
            }
            return LogLevel(nameStartingWith: p[start])
        default:
            return nil
        }
    }
}
