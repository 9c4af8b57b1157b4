import Foundation
import PreflightModel

/// Reads the plain-text logs of freqtrade and hummingbot into events, where the text allows it.
/// A line whose message matches no pattern is skipped (not bad input): most of a framework's log is
/// narrative. What the text never carries (close codes, in-flight counts, client order ids in
/// freqtrade) stays absent, and the items that need it say so.
enum FrameworkTextLine {
    static func parse(
        _ p: UnsafePointer<UInt8>, _ count: Int, framework: LogsSection.Format, terminated: Bool, position: LogPosition,
        into event: inout LogEvent
    ) -> LogLineParser.Outcome {
        guard let line = String(validating: UnsafeBufferPointer(start: p, count: count), as: UTF8.self) else {
            return .bad(.binaryJunk, detail: nil)
        }
        // freqtrade: TIME - LOGGER - LEVEL - MESSAGE; hummingbot: TIME - PID - LOGGER - LEVEL - MESSAGE.
        let parts = line.components(separatedBy: " - ")
        let headerCount = framework == .hummingbot ? 4 : 3
        guard parts.count > headerCount else {
            return .bad(terminated ? .unparseableLine : .truncatedLine, detail: nil)
        }
        guard let time = asctime(parts[0]) else {
            return .bad(.invalidTimestamp, detail: "unreadable time \(parts[0].prefix(40))")
        }
        let logger = parts[headerCount - 2]
        let message = parts[headerCount...].joined(separator: " - ")
        guard let kind = framework == .freqtrade ? freqtrade(message, into: &event) : hummingbot(message, logger: logger, into: &event)
        else { return .blank }
        let fields = event
        event = LogEvent(kind: kind, time: time, position: position)
        event.endpoint = fields.endpoint
        event.method = fields.method
        event.status = fields.status
        event.errorCode = fields.errorCode
        event.attempt = fields.attempt
        event.clientOrderID = fields.clientOrderID
        event.stream = fields.stream
        return .event
    }

    /// freqtrade's messages, as its retrier, worker and order code write them.
    static func freqtrade(_ message: String, into event: inout LogEvent) -> LogEventKind? {
        event = LogEvent(kind: .heartbeat, time: LogInstant(nanoseconds: 0), position: LogPosition(fileIndex: 0, line: 0))
        if message.hasPrefix("Bot heartbeat") { return .heartbeat }
        if message.hasPrefix("Changing state to: RUNNING") { return .startup }
        if message.hasPrefix("Updating "), message.contains("open orders from exchange") { return .reconcile }
        if message.hasPrefix("Order #"), message.contains("was created") { return .orderSubmit }
        if message.contains("returned exception:") {
            // `f() returned exception: "binance GET https://host/path 429 ...". Retrying still for N times.`
            if let url = message.range(of: "https://") ?? message.range(of: "http://") {
                let rest = message[url.upperBound...]
                let path = rest.drop { $0 != "/" }.prefix { $0 != " " && $0 != "?" }
                event.endpoint = String(path)
                event.method = message[..<url.lowerBound].split(separator: " ").last.map(String.init)
                let after = rest.split(separator: " ").dropFirst().first
                event.status = after.flatMap { Int($0) }
            }
            if let code = message.range(of: #""code":"#) {
                event.errorCode = String(message[code.upperBound...].prefix { $0 == "-" || $0.isNumber })
            }
            if let retries = message.range(of: "Retrying still for ") {
                let left = Int(message[retries.upperBound...].prefix { $0.isNumber }) ?? 0
                // The retrier counts down from API_RETRY_COUNT = 4: "still for 4" follows the first attempt.
                event.attempt = FreqtradeAdapter.apiRetryCount + 1 - left
            }
            return .apiRequest
        }
        return nil
    }

    /// hummingbot's messages, as its connectors and order tracker write them.
    static func hummingbot(_ message: String, logger: String, into event: inout LogEvent) -> LogEventKind? {
        event = LogEvent(kind: .heartbeat, time: LogInstant(nanoseconds: 0), position: LogPosition(fileIndex: 0, line: 0))
        let stream = logger.split(separator: ".").last.map(String.init)
        if message.hasPrefix("Created "), message.contains(" order ") {
            let words = message.split(separator: " ")
            if let index = words.firstIndex(of: "order"), words.indices.contains(index + 1) {
                event.clientOrderID = String(words[index + 1])
            }
            return .orderSubmit
        }
        if message.contains("websocket connection was closed") {
            event.stream = stream
            return .wsDisconnect
        }
        if message.contains("Retrying after") {
            event.stream = stream
            return .wsReconnectAttempt
        }
        if message.hasPrefix("Subscribed to") {
            event.stream = stream
            return .wsConnect
        }
        if let code = message.range(of: "(code -") {
            event.errorCode = "-" + message[code.upperBound...].prefix { $0.isNumber }
            event.signed = true
            return .apiRequest
        }
        if message.hasPrefix("Setting up strategy") { return .startup }
        return nil
    }

    /// python's asctime: `2026-11-20 09:14:02,118`, taken as UTC (the framework writes the host's local time).
    static func asctime(_ text: String) -> LogInstant? {
        let digits = text.unicodeScalars.filter { CharacterSet.decimalDigits.contains($0) }.map { Int($0.value) - 48 }
        guard digits.count == 17, text.count == 23 else { return nil }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        var components = DateComponents()
        components.year = number(0..<4)
        components.month = number(4..<6)
        components.day = number(6..<8)
        components.hour = number(8..<10)
        components.minute = number(10..<12)
        components.second = number(12..<14)
        guard let date = utc.date(from: components) else { return nil }
        return LogInstant(milliseconds: date.timeIntervalSince1970 * 1000 + Double(number(14..<17)))
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
