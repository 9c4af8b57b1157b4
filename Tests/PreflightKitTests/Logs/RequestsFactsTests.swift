import Foundation
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

/// Reads `lines` from a real file through the real reader and the request facts builder.
private func requestFacts(_ lines: [String], manifest extra: String = "", exchange: String = "binance") throws -> RequestLogFacts {
    let folder = try LogFolder()
    let file = try folder.write("bot.log", lines.joined(separator: "\n") + "\n")
    let manifest = try ManifestLoader.parse(
        "version: 1\nbot:\n  name: test\n  exchange: \(exchange)\n" + extra, path: "\(folder.path)/preflight.yml")
    return try #require(LogEvidenceCollector(inputs: [file]).read(manifest)).requests
}

/// An api_request line at 10:00 plus `ms` milliseconds on 2026-11-24, with extra JSON members.
private func request(at ms: Int, _ members: String) -> String {
    let seconds = ms / 1000, millis = ms % 1000
    let time = String(format: "2026-11-24T10:%02d:%02d.%03dZ", seconds / 60, seconds % 60, millis)
    return #"{"ts":"\#(time)","event":"api_request","endpoint":"/api/v3/order"\#(members.isEmpty ? "" : ",")\#(members)}"#
}

/// 2026-11-24T10:00:00Z in epoch milliseconds.
private let tenOClock: Int64 = 1_795_514_400_000

@Suite("Request log facts (A4, A6, B1, E1, E3)")
struct RequestsFactsTests {
    @Test("overlap counts intervals that hold one moment, not every interval touching a long one")
    func overlapIsPointwise() throws {
        // [0, 10 s) holds [1, 2) and [3, 4), which never overlap each other: at most 2 in flight, not 3.
        let facts = try requestFacts([
            request(at: 2000, #""signed":false,"latency_ms":1000"#),
            request(at: 4000, #""signed":false,"latency_ms":1000"#),
            request(at: 10000, #""signed":false,"latency_ms":10000"#),
        ])
        #expect(facts.publicInflight.maxOverlapping?.value == 2)
        #expect(facts.publicInflight.overCap.isEmpty)
        #expect(facts.privateInflight.requests == 0)
    }

    /// The first request is in flight over [0, 1000) ms; the second ends at `secondEndMs` after `secondLatencyMs`.
    @Test("back-to-back requests are not in flight together; overlapping and nested ones are", arguments: [
        (secondEndMs: 2000, secondLatencyMs: 1000.0, expected: 1.0),
        (secondEndMs: 1500, secondLatencyMs: 1000.0, expected: 2.0),
        (secondEndMs: 1000, secondLatencyMs: 100.0, expected: 2.0),
        // Logged slightly out of order: ends before the first one's record.
        (secondEndMs: 900, secondLatencyMs: 100.0, expected: 2.0),
    ])
    func overlapBoundaries(secondEndMs: Int, secondLatencyMs: Double, expected: Double) throws {
        let facts = try requestFacts([
            request(at: 1000, #""signed":true,"latency_ms":1000"#),
            request(at: secondEndMs, #""signed":true,"latency_ms":\#(secondLatencyMs)"#),
        ])
        #expect(facts.privateInflight.maxOverlapping?.value == expected)
    }

    @Test("a burst over the declared cap is tallied with its lines, by overlap and by the records' own counts")
    func inflightOverCap() throws {
        var lines: [String] = []
        for n in 0..<4 { lines.append(request(at: 1000 + n * 10, #""signed":true,"latency_ms":500"#)) }
        lines.append(request(at: 5000, #""signed":true,"latency_ms":10,"concurrency_inflight":3"#))
        let facts = try requestFacts(lines, manifest: "concurrency:\n  private: 2\n  public: 4\n")
        let inflight = facts.privateInflight
        #expect(inflight.cap == 2)
        #expect(inflight.maxOverlapping?.value == 4)
        #expect(inflight.overOverlapCap.count == 2)
        #expect(inflight.maxRecorded?.value == 3)
        #expect(inflight.overRecordedCap.samples.first?.location.line == 5)
        // Not every record logs its count, so the larger of the two measures decides.
        #expect(inflight.observedMax?.value == 4)
    }

    @Test("a declared cap above the policy's is held to the policy's")
    func capNeverLooserThanPolicy() throws {
        let facts = try requestFacts([request(at: 1000, #""signed":true,"concurrency_inflight":3"#)],
                                     manifest: "concurrency:\n  private: 8\n  public: 4\n")
        #expect(facts.privateInflight.cap == 2)
        #expect(facts.privateInflight.overRecordedCap.count == 1)
    }

    @Test("a timestamp sent twice within the window is reuse; once the window has passed it is not")
    func timestampReuse() throws {
        let stamp = tenOClock + 1000
        let facts = try requestFacts([
            request(at: 1000, #""signed":true,"request_id":"r1","request_timestamp":\#(stamp)"#),
            request(at: 1500, #""signed":true,"request_id":"r1","request_timestamp":\#(stamp)"#),
            // 70 s later: out of the 60 s window, so not reuse (it is a stale timestamp, though).
            request(at: 71_500, #""signed":true,"request_id":"r1","request_timestamp":\#(stamp)"#),
            // Public requests are not signed: their timestamps do not count.
            request(at: 71_600, #""signed":false,"request_timestamp":\#(tenOClock + 71_600)"#),
            request(at: 71_700, #""signed":false,"request_timestamp":\#(tenOClock + 71_600)"#),
        ])
        #expect(facts.signedRequests == 3)
        #expect(facts.reusedTimestamps.count == 1)
        #expect(facts.reusedTimestamps.samples.first?.location.line == 2)
        #expect(facts.reusedTimestamps.samples.first?.detail?.contains("line 1") == true)
        #expect(facts.skewedTimestamps.count == 1)
        #expect(facts.skewedTimestamps.samples.first?.location.line == 3)
    }

    @Test("a slow request's timestamp is judged against when it was sent (time - latency_ms)")
    func skewAllowsForLatency() throws {
        let facts = try requestFacts([
            // Sent at 10:00:01.000, answered 3 s later: fresh.
            request(at: 4000, #""signed":true,"latency_ms":3000,"request_timestamp":\#(tenOClock + 1000)"#),
            // No latency logged, timestamp 1.5 s before the record: stale.
            request(at: 6500, #""signed":true,"request_timestamp":\#(tenOClock + 5000)"#),
            // Signed in the future.
            request(at: 8000, #""signed":true,"latency_ms":10,"request_timestamp":\#(tenOClock + 9200)"#),
        ])
        #expect(facts.skewedTimestamps.count == 2)
        #expect(facts.skewedTimestamps.samples.map(\.location.line) == [2, 3])
        #expect(facts.worstTimestampSkew?.value == 1500)
        #expect(facts.worstTimestampSkew?.location.line == 2)
    }

    @Test("distinct requests in the same millisecond are not reuse where the exchange takes a timestamp")
    func sameMillisecondDistinctRequests() throws {
        let stamp = tenOClock + 1000
        let facts = try requestFacts([
            request(at: 1000, #""signed":true,"client_order_id":"a","request_timestamp":\#(stamp)"#),
            request(at: 1001, #""signed":true,"client_order_id":"b","request_timestamp":\#(stamp)"#),
            request(at: 1002, #""signed":true,"request_timestamp":\#(stamp)"#),
            request(at: 1003, #""signed":true,"request_timestamp":\#(stamp)"#),
        ])
        #expect(facts.reusedTimestamps.isEmpty)
    }

    @Test("Kraken's nonces are checked for reuse, not for their distance from the record's time")
    func krakenNonces() throws {
        let facts = try requestFacts([
            request(at: 1000, #""signed":true,"request_timestamp":41"#),
            request(at: 2000, #""signed":true,"request_timestamp":42"#),
            request(at: 3000, #""signed":true,"request_timestamp":42"#),
        ], exchange: "kraken")
        #expect(facts.skewedTimestamps.isEmpty)
        #expect(facts.worstTimestampSkew == nil)
        #expect(facts.reusedTimestamps.count == 1)
    }

    @Test("the policy's timestamp_skew_ms sets the limit")
    func skewLimitFromPolicy() throws {
        let line = request(at: 6500, #""signed":true,"request_timestamp":\#(tenOClock + 5000)"#)
        #expect(try requestFacts([line], manifest: "policy:\n  thresholds:\n    timestamp_skew_ms: 2000\n  reason: slow host\n")
            .skewedTimestamps.isEmpty)
        #expect(try requestFacts([line], manifest: "policy:\n  thresholds:\n    timestamp_skew_ms: 500\n").skewedTimestamps.count == 1)
    }

    @Test("timestamp-window rejections are the exchange's own codes", arguments: [
        ("binance", #""error_code":-1021"#, 1),
        ("binance-futures", #""code":"-1021""#, 1),
        ("bybit", #""error_code":10002"#, 1),
        ("bybit", #""error_code":-1021"#, 0),
        ("okx", #""error_code":"50102""#, 1),
        ("kraken", #""error_code":"EAPI:Invalid nonce""#, 1),
        ("kraken", #""error_code":"EAPI:Invalid key""#, 0),
        ("coinbase", #""status":401"#, 0),
    ])
    func rejections(exchange: String, members: String, expected: Int) throws {
        let facts = try requestFacts([request(at: 1000, #""signed":true,"status":400,"# + members)], exchange: exchange)
        #expect(facts.unstampedTimestampRejections.count == expected)
        #expect(facts.staleTimestampRejections.isEmpty && facts.freshTimestampRejections.isEmpty)
    }

    @Test("a rejection is the bot's fault only where the timestamp was stale or reused when sent")
    func rejectionsAreToldStaleFromFresh() throws {
        let facts = try requestFacts([
            // Signed 2 s before it was sent: stale.
            request(at: 2050, #""signed":true,"latency_ms":20,"request_timestamp":\#(tenOClock),"status":400,"error_code":-1021"#),
            // Signed when sent: the exchange's clock disagrees, a clock-offset problem.
            request(at: 5050, #""signed":true,"latency_ms":20,"request_timestamp":\#(tenOClock + 5030),"status":400,"error_code":-1021"#),
            // Re-sent with its first attempt's timestamp.
            request(at: 9000, #""signed":true,"request_id":"r","attempt":1,"request_timestamp":\#(tenOClock + 9000),"status":503"#),
            request(at: 9400, #""signed":true,"request_id":"r","attempt":2,"request_timestamp":\#(tenOClock + 9000),"status":400,"error_code":-1021"#),
        ])
        #expect(facts.staleTimestampRejections.samples.map(\.location.line) == [1, 4])
        #expect(facts.freshTimestampRejections.samples.map(\.location.line) == [2])
        #expect(facts.unstampedTimestampRejections.isEmpty)
    }

    @Test("without a signed field, a request timestamp marks a request as signed")
    func signedInference() throws {
        let facts = try requestFacts([
            request(at: 1000, #""request_timestamp":\#(tenOClock + 990),"clock_offset_ms":3"#),
            request(at: 2000, ""),
            request(at: 3000, #""signed":false,"request_timestamp":\#(tenOClock + 2990)"#),
        ])
        #expect(facts.requests == 3)
        #expect(facts.signedRequests == 1)
        #expect(facts.clockOffsetCoverage.records == 1)
        #expect(facts.clockOffsetCoverage.carried == 1)
    }

    @Test("a field present as null or empty is carried; an absent one is missing, with its line")
    func fieldCoverage() throws {
        let folder = try LogFolder()
        let file = try folder.write("mixed.log", [
            request(at: 1000, #""status":200,"error_code":null,"attempt":1,"latency_ms":5,"concurrency_inflight":1"#),
            "time=2026-11-24T10:00:02Z event=api_request path=/api/v3/depth status=200 code= attempt=1 took_ms=3 in_flight=1",
            request(at: 3000, #""status":200,"attempt":1,"latency_ms":5"#),
        ].joined(separator: "\n") + "\n")
        let manifest = try ManifestLoader.parse("version: 1\nbot:\n  name: t\n  exchange: binance\n", path: "preflight.yml")
        let facts = try #require(LogEvidenceCollector(inputs: [file]).read(manifest)).requests
        let byField = Dictionary(uniqueKeysWithValues: facts.fieldCoverage.map { ($0.field, $0) })
        #expect(byField["endpoint"]?.carried == 3)
        #expect(byField["error_code"]?.carried == 2)
        #expect(byField["error_code"]?.missing.samples.map(\.location.line) == [3])
        #expect(byField["concurrency_inflight"]?.percentText == "66.6%")
        #expect(facts.fieldCoverage.map(\.field) == RequestLogFacts.requiredFields)
    }

    @Test("a crossing counts as alerted when an alert record lies within the window before or after it")
    func offsetAlerts() throws {
        let facts = try requestFacts([
            request(at: 0, #""signed":true,"clock_offset_ms":100"#),
            // Crossing 1, alerted 30 s later; the run of records above the threshold is one crossing.
            request(at: 60_000, #""signed":true,"clock_offset_ms":1200"#),
            request(at: 61_000, #""signed":true,"clock_offset_ms":1300"#),
            #"{"ts":"2026-11-24T10:01:30.000Z","event":"escalation"}"#,
            request(at: 120_000, #""signed":true,"clock_offset_ms":50"#),
            // Crossing 2: its alert comes 5 minutes later, too late.
            request(at: 180_000, #""signed":true,"clock_offset_ms":-1500"#),
            request(at: 190_000, #""signed":true,"clock_offset_ms":20"#),
            #"{"ts":"2026-11-24T10:08:00.000Z","event":"escalation"}"#,
            // Crossing 3: a warn-level clock record just before it is the alert.
            #"{"ts":"2026-11-24T10:09:59.000Z","event":"heartbeat","level":"warn","clock_offset_ms":1100}"#,
            request(at: 600_000, #""signed":true,"clock_offset_ms":1150"#),
        ], manifest: "clock:\n  recv_window_ms: 5000\n  offset_alert_ms: 1000\n")
        let alerts = facts.offsetAlerts
        #expect(alerts.thresholdMs == 1000)
        #expect(alerts.recordsWithOffset == 8)
        #expect(alerts.crossings == 3)
        #expect(alerts.unalertedCrossings.count == 1)
        #expect(alerts.unalertedCrossings.samples.first?.location.line == 6)
        #expect(alerts.alertRecords == 3)
        #expect(alerts.worstOffset?.value == 1500)
    }

    @Test("without a declared alert the threshold is the policy share of the recvWindow")
    func alertThresholdDefault() throws {
        let line = request(at: 0, #""signed":true,"clock_offset_ms":2600"#)
        #expect(try requestFacts([line]).offsetAlerts.thresholdMs == 2500)
        #expect(try requestFacts([line], exchange: "okx").offsetAlerts.thresholdMs == 15000)
        #expect(try requestFacts([line], exchange: "kraken").offsetAlerts.thresholdMs == nil)
        #expect(try requestFacts([line]).offsetAlerts.unalertedCrossings.count == 1)
        // An alert declared above the policy's limit does not move the threshold up.
        #expect(try requestFacts([line], manifest: "clock:\n  recv_window_ms: 5000\n  offset_alert_ms: 4000\n")
            .offsetAlerts.thresholdMs == 2500)
        #expect(try requestFacts([line], manifest: "clock:\n  recv_window_ms: 5000\n  offset_alert_ms: 800\n")
            .offsetAlerts.thresholdMs == 800)
    }

    @Test("the reuse window forgets its oldest timestamps beyond its capacity")
    func reuseWindowIsBounded() {
        // One bucket of four slots: a fifth timestamp pushes out the oldest.
        var window = TimestampReuseWindow(windowMs: 60_000, capacity: 4)
        for n in 0..<5 {
            let time = LogInstant(nanoseconds: 1_000_000_000 + Int64(n))
            #expect(window.insert(LogInstant(nanoseconds: Int64(n)), time: time, position: LogPosition(fileIndex: 0, line: n + 1)) == nil)
        }
        let later = LogInstant(nanoseconds: 2_000_000_000)
        #expect(window.insert(LogInstant(nanoseconds: 0), time: later, position: LogPosition(fileIndex: 0, line: 9)) == nil)
        #expect(window.insert(LogInstant(nanoseconds: 4), time: later, position: LogPosition(fileIndex: 0, line: 10))?.position.line == 5)
    }

    @Test("the earlier sighting keeps its file and a line number past four billion")
    func reuseWindowKeepsPositions() {
        var window = TimestampReuseWindow(windowMs: 60_000)
        let stamp = LogInstant(nanoseconds: 1_795_514_400_000_000_000)
        let first = LogPosition(fileIndex: 1234, line: 5_000_000_123)
        #expect(window.insert(stamp, time: LogInstant(nanoseconds: 10), position: first) == nil)
        let sighting = window.insert(stamp, time: LogInstant(nanoseconds: 20), position: LogPosition(fileIndex: 0, line: 1))
        #expect(sighting == TimestampReuseWindow.Sighting(position: first, time: LogInstant(nanoseconds: 10)))
    }

    @Test("many distinct timestamps within the window are all remembered while they fit")
    func reuseWindowRemembersWhatFits() {
        var window = TimestampReuseWindow(windowMs: 60_000)
        let time = LogInstant(nanoseconds: 1_000_000_000)
        for n in 0..<2000 {
            _ = window.insert(LogInstant(nanoseconds: 1_795_514_400_000_000_000 + Int64(n) * 1_000_000), time: time,
                              position: LogPosition(fileIndex: 0, line: n + 1))
        }
        var found = 0
        for n in 0..<2000 where window.insert(LogInstant(nanoseconds: 1_795_514_400_000_000_000 + Int64(n) * 1_000_000),
                                              time: time, position: LogPosition(fileIndex: 0, line: 5000)) != nil {
            found += 1
        }
        #expect(found == 2000)
    }

    @Test("a long log keeps examples at five and finds the reuse at its end")
    func longLogStaysBounded() throws {
        var lines: [String] = []
        lines.reserveCapacity(20_001)
        for n in 0..<20_000 {
            lines.append(request(at: n * 10, #""signed":true,"latency_ms":5,"request_timestamp":\#(tenOClock + Int64(n * 10))"#))
        }
        lines.append(request(at: 200_010, #""signed":true,"latency_ms":5,"attempt":2,"request_timestamp":\#(tenOClock + 199_990)"#))
        let facts = try requestFacts(lines)
        #expect(facts.signedRequests == 20_001)
        #expect(facts.reusedTimestamps.count == 1)
        #expect(facts.reusedTimestamps.samples.first?.location.line == 20_001)
        #expect(facts.privateInflight.maxOverlapping?.value == 1)
        let missing = try #require(facts.fieldCoverage.first { $0.field == "status" })
        #expect(missing.carried == 0)
        #expect(missing.missing.count == 20_001)
        #expect(missing.missing.samples.count == LogRecordTally.sampleLimit)
    }
}
