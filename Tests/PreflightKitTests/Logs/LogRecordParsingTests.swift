import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

@Suite("Log records: logger styles, logfmt, times and aliases")
struct LogRecordParsingTests {
    struct Style: CustomTestStringConvertible, Sendable {
        let name: String
        let line: String
        var testDescription: String { name }
    }

    static let styles: [Style] = [
        Style(name: "pino", line: #"{"level":30,"time":1709294400000,"pid":7,"hostname":"h","event":"api_request","endpoint":"/api/v3/order","method":"POST","status":200,"msg":"request done"}"#),
        Style(name: "zap", line: #"{"level":"info","ts":1709294400.0,"caller":"bot/http.go:88","msg":"api_request","endpoint":"/api/v3/order","method":"POST","status":200}"#),
        Style(name: "zerolog", line: #"{"level":"info","event":"api_request","endpoint":"/api/v3/order","method":"POST","status":200,"time":"2024-03-01T12:00:00Z","message":"request done"}"#),
        Style(name: "structlog", line: #"{"event":"api_request","endpoint":"/api/v3/order","method":"POST","status":200,"level":"info","timestamp":"2024-03-01T12:00:00.000000Z"}"#),
        Style(name: "python-json-logger", line: #"{"asctime": "2024-03-01 12:00:00,000", "levelname": "INFO", "message": "api_request", "endpoint": "/api/v3/order", "method": "POST", "status": 200}"#),
        Style(name: "python-json-logger created", line: #"{"created": 1709294400.0, "asctime": "2024-03-01 13:00:00,000", "levelname": "INFO", "message": "api_request", "endpoint": "/api/v3/order", "method": "POST", "status": 200}"#),
        Style(name: "logfmt", line: #"time=2024-03-01T12:00:00Z level=info event=api_request endpoint=/api/v3/order method=POST status=200 msg="request done""#),
    ]

    @Test(arguments: styles)
    func readsEachLoggerStyle(_ style: Style) throws {
        let (scan, events) = try scanText(style.line + "\n")
        #expect(scan.badInputCount == 0, "\(scan.badInput)")
        let event = try #require(events.first)
        #expect(event.kind == .apiRequest)
        #expect(event.time.nanoseconds == march1Noon)
        #expect(event.level == .info)
        #expect(event.endpoint == "/api/v3/order")
        #expect(event.method == "POST")
        #expect(event.status == 200)
        #expect(event.fields.contains(.status))
        #expect(!event.fields.contains(.latencyMs))
        #expect(scan.location(of: event.position).description.hasSuffix("app.log:1"))
    }

    @Test func readsEveryAPIRequestField() throws {
        let line = #"{"time":"2024-03-01T12:00:00.250+01:00","event":"api_request","endpoint":"/api/v3/order","method":"POST","status":400,"error_code":-1021,"attempt":2,"latency_ms":12.5,"concurrency_inflight":3,"signed":true,"request_timestamp":1709290800100,"recv_window":5000,"clock_offset_ms":-3.25,"retry_after":1.5,"request_id":"r-1","client_order_id":"bot-000000000000000000000000000001"}"#
        let (_, events) = try scanText(line + "\n")
        let event = try #require(events.first)
        #expect(event.time.nanoseconds == march1Noon - 3_600_000_000_000 + 250_000_000)
        #expect(event.errorCode == "-1021")
        #expect(event.attempt == 2)
        #expect(event.latencyMs == 12.5)
        #expect(event.concurrencyInflight == 3)
        #expect(event.signed == true)
        #expect(event.requestTimestamp?.nanoseconds == march1Noon - 3_600_000_000_000 + 100_000_000)
        #expect(event.recvWindowMs == 5000)
        #expect(event.clockOffsetMs == -3.25)
        #expect(event.retryAfterSeconds == 1.5)
        #expect(event.requestID == "r-1")
        #expect(event.clientOrderID == "bot-000000000000000000000000000001")
    }

    @Test func readsWebsocketAndOtherEventFields() throws {
        let text = """
            {"ts":1709294400,"event":"ws_disconnect","stream":"btcusdt@depth","close_code":1006,"last_message_ago_ms":31000,"uptime_seconds":86400}
            {"ts":1709294401,"event":"ws_message","stream":"btcusdt@depth","U":157,"u":160,"pu":156}
            {"ts":1709294402,"event":"ws_message","arg":"books","action":"snapshot","seqId":10,"prevSeqId":-1}
            {"ts":1709294403,"event":"resync","resync_mode":"snapshot","items":1000,"duration_ms":850}
            {"ts":1709294404,"event":"circuit_breaker","state":"open"}
            {"ts":1709294405,"event":"ws_message","error_code":"EAPI:Invalid nonce","msg":"x"}

            """
        let (scan, events) = try scanText(text)
        #expect(scan.badInputCount == 0)
        #expect(events.count == 6)
        #expect(events[0].closeCode == 1006 && events[0].lastMessageAgoMs == 31000 && events[0].uptimeSeconds == 86400)
        #expect(events[1].firstUpdateID == 157 && events[1].lastUpdateID == 160 && events[1].prevUpdateID == 156)
        #expect(events[1].isSnapshot == nil)
        #expect(events[2].isSnapshot == true && events[2].sequence == 10 && events[2].prevUpdateID == -1)
        #expect(events[3].resyncMode == "snapshot" && events[3].resyncItems == 1000 && events[3].latencyMs == 850)
        #expect(events[4].breakerState == "open")
        #expect(events[5].errorCode == "EAPI:Invalid nonce")
        #expect(events.map(\.time.nanoseconds) == (0..<6).map { march1Noon + Int64($0) * 1_000_000_000 })
    }

    @Test(arguments: [
        ("2024-03-01T12:00:00Z", march1Noon),
        ("2024-03-01T12:00:00.123Z", march1Noon + 123_000_000),
        ("2024-03-01T12:00:00.123456789Z", march1Noon + 123_456_789),
        ("2024-03-01T14:00:00+02:00", march1Noon),
        ("2024-03-01T07:30:00-0430", march1Noon),
        ("2024-03-01T12:00:00", march1Noon),
        ("2024-03-01 12:00:00,500", march1Noon + 500_000_000),
        ("1709294400", march1Noon),
        ("1709294400.5", march1Noon + 500_000_000),
        ("1709294400000", march1Noon),
        ("1709294400000123", march1Noon + 123_000),
        ("1709294400000000007", march1Noon + 7),
    ] as [(String, Int64)])
    func readsTimesInAutoFormat(_ written: String, _ expected: Int64) throws {
        let (_, quoted) = try scanText(#"{"event":"heartbeat","time":"\#(written)"}"# + "\n")
        #expect(quoted.first?.time.nanoseconds == expected)
        if written.allSatisfy({ $0.isNumber || $0 == "." }) {
            let (_, bare) = try scanText(#"{"event":"heartbeat","time":\#(written)}"# + "\n")
            #expect(bare.first?.time.nanoseconds == expected)
        }
    }

    @Test(arguments: [
        (LogsSection.TimeFormat.epochSeconds, "1709294400", march1Noon),
        (.epochMillis, "1709294400", march1Noon / 1000),
        (.epochMicros, "1709294400000000", march1Noon),
        (.epochNanos, "1709294400", 1_709_294_400),
        (.iso8601, "2024-03-01T12:00:00Z", march1Noon),
    ] as [(LogsSection.TimeFormat, String, Int64)])
    func forcedTimeFormatDecidesTheUnit(_ format: LogsSection.TimeFormat, _ written: String, _ expected: Int64) throws {
        let (_, events) = try scanText(
            #"{"event":"heartbeat","time":"\#(written)"}"# + "\n", reader: LogReader(timeFormat: format))
        #expect(events.first?.time.nanoseconds == expected)
    }

    @Test func forcedISORejectsEpochNumbers() throws {
        let (scan, events) = try scanText(
            #"{"event":"heartbeat","time":1709294400}"# + "\n", reader: LogReader(timeFormat: .iso8601))
        #expect(events.isEmpty)
        #expect(scan.count(.invalidTimestamp) == 1)
    }

    @Test func manifestAliasesRenameFieldsAndEvents() throws {
        let vocabulary = LogVocabulary(
            fieldNames: ["endpoint": "path_template", "latency_ms": "dur", "time": "at"],
            eventNames: ["api_request": "http.call"]
        )
        let line = #"{"at":"2024-03-01T12:00:00Z","event":"HTTP.Call","path_template":"/api/v3/order","path":"/ignored","dur":4,"time":"junk"}"#
        let (scan, events) = try scanText(line + "\n", reader: LogReader(vocabulary: vocabulary))
        #expect(scan.badInputCount == 0)
        let event = try #require(events.first)
        #expect(event.kind == .apiRequest)
        #expect(event.endpoint == "/api/v3/order")
        #expect(event.latencyMs == 4)
        #expect(event.time.nanoseconds == march1Noon)
    }

    @Test func forcedLogfmtTreatsJSONAsUnparseable() throws {
        let text = #"{"event":"heartbeat","time":1709294400}"# + "\nevent=heartbeat time=1709294400\n"
        let (scan, events) = try scanText(text, reader: LogReader(format: .logfmt))
        #expect(events.count == 1)
        #expect(scan.count(.unparseableLine) == 1)
    }

    @Test func escapedStringsAreDecoded() throws {
        let line = #"{"time":1709294400,"ev\u0065nt":"order_submit","client_order_id":"a\"b\u00e9\ud83d\ude00","endpoint":"/x\/y"}"#
        let (_, events) = try scanText(line + "\n")
        let event = try #require(events.first)
        #expect(event.kind == .orderSubmit)
        #expect(event.clientOrderID == "a\"bé😀")
        #expect(event.endpoint == "/x/y")
    }

    @Test func everyEventKindIsCountedUnderItself() throws {
        let text = LogEventKind.allCases.enumerated().map { index, kind in
            String(repeating: #"{"time":1709294400,"event":"\#(kind.rawValue)"}"# + "\n", count: index + 1)
        }.joined()
        let (scan, _) = try scanText(text)
        for (index, kind) in LogEventKind.allCases.enumerated() { #expect(scan.count(kind) == index + 1, "\(kind)") }
    }

    @Test func eventNamesMatchWhateverTheirCaseAndSeparators() throws {
        let text = ["WS-Connect", "ws.reconnect.attempt", "Order Submit", "KILL_SWITCH"].map {
            #"{"time":1709294400,"event":"\#($0)"}"#
        }.joined(separator: "\n")
        let (_, events) = try scanText(text)
        #expect(events.map(\.kind) == [.wsConnect, .wsReconnectAttempt, .orderSubmit, .killSwitch])
    }

    @Test func logFieldsMatchTheManifestsCanonicalNames() {
        #expect(LogField.allCases.map(\.rawValue) == LogsSection.canonicalFields)
        #expect(Array(LogField.allCases.prefix(4)) == [.time, .level, .message, .event])
        for (index, field) in LogField.allCases.enumerated() {
            #expect(LogFieldSet(rawValue: 1 << UInt64(index)).contains(field), "\(field)")
        }
        #expect(LogEventKind.allCases.map(\.rawValue) == LogsSection.canonicalEvents)
    }
}
