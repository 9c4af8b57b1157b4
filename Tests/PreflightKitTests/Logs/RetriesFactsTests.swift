import Foundation
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

/// Retry facts from real files through the real reader and builders.
@Suite("Retry log facts")
struct RetriesFactsTests {
    /// 2026-11-24T10:00:00Z in epoch milliseconds.
    static let start: Int64 = 1_795_514_400_000

    static func line(_ ms: Int, _ event: String, _ fields: String = "") -> String {
        "{\"ts\":\(start + Int64(ms)),\"event\":\"\(event)\"\(fields.isEmpty ? "" : ",")\(fields)}\n"
    }

    static func request(_ ms: Int, _ fields: String) -> String { line(ms, "api_request", fields) }

    func facts(_ text: String, exchange: String = "binance", policy: String = "") throws -> RetryLogFacts {
        let folder = try LogFolder()
        let file = try folder.write("bot.log", text)
        let manifest = try ManifestLoader.parse(
            "version: 1\nbot:\n  name: t\n  exchange: \(exchange)\n" + policy, path: folder.path + "/preflight.yml"
        )
        return try #require(LogEvidenceCollector(inputs: [file]).read(manifest)).retries
    }

    @Test func linksByRequestIDWithoutAttemptNumbers() throws {
        let text = Self.request(0, #""endpoint":"/api/v3/order","status":503,"request_id":"a""#)
            + Self.request(500, #""endpoint":"/api/v3/order","status":503,"request_id":"a""#)
            + Self.request(1500, #""endpoint":"/api/v3/order","status":200,"request_id":"a""#)
            + Self.request(1600, #""endpoint":"/api/v3/ticker","status":200,"request_id":"b""#)
        let facts = try facts(text)
        #expect(facts.attempts.chains == 2)
        #expect(facts.attempts.retriedChains == 1)
        #expect(facts.attempts.histogram == [3: 1, 1: 1])
        #expect(facts.attempts.mostAttempts.first?.attempts == 3)
        #expect(facts.attempts.mostAttempts.first?.location.line == 3)
        #expect(facts.platform.retries == 2)
    }

    @Test func endpointChainsRestartAtAttemptOne() throws {
        // No ids: the endpoint, method and increasing attempt numbers link; attempt 1 starts a new request.
        let text = Self.request(0, #""endpoint":"/api/v3/depth","method":"GET","status":502,"attempt":1"#)
            + Self.request(400, #""endpoint":"/api/v3/depth","method":"GET","status":502,"attempt":2"#)
            + Self.request(9000, #""endpoint":"/api/v3/depth","method":"GET","status":502,"attempt":1"#)
            + Self.request(9300, #""endpoint":"/api/v3/depth","method":"GET","status":200,"attempt":2"#)
            + Self.request(9400, #""endpoint":"/api/v3/time","method":"GET","status":200"#)
        let facts = try facts(text)
        #expect(facts.attempts.requests == 5)
        #expect(facts.attempts.linkableRequests == 4)
        #expect(facts.attempts.chains == 3)
        #expect(facts.attempts.histogram == [2: 2, 1: 1])
    }

    @Test func delayRunsToTheRetrysStartNotItsRecord() throws {
        // Logged 1100 ms after the 429, but it took 300 ms: it was sent after 800 ms, inside Retry-After.
        let text = Self.request(0, #""endpoint":"/api/v3/order","status":429,"retry_after":1,"request_id":"x""#)
            + Self.request(1100, #""endpoint":"/api/v3/order","status":200,"latency_ms":300,"request_id":"x""#)
            + Self.request(5000, #""endpoint":"/api/v3/order","status":429,"retry_after":1,"request_id":"y""#)
            + Self.request(6100, #""endpoint":"/api/v3/order","status":200,"latency_ms":50,"request_id":"y""#)
        let facts = try facts(text)
        #expect(facts.rateLimit.responses.count == 2)
        #expect(facts.rateLimit.retries == 2)
        #expect(facts.rateLimit.earlyCount == 1)
        #expect(facts.rateLimit.early.first?.location.line == 2)
        #expect(facts.rateLimit.shortestWaitMs == 800)
        // Retries that followed a Retry-After are the server's pace, not the backoff's.
        #expect(facts.delaysByAttempt.isEmpty)
    }

    @Test func backoffFloorComesFromThePolicy() throws {
        let text = Self.request(0, #""endpoint":"/api/v3/order","status":429,"request_id":"x""#)
            + Self.request(700, #""endpoint":"/api/v3/order","status":200,"request_id":"x""#)
        #expect(try facts(text).rateLimit.earlyCount == 0)
        let strict = try facts(text, policy: "policy:\n  thresholds:\n    backoff_floor_ms: 1000\n")
        #expect(strict.rateLimit.floorMs == 1000)
        #expect(strict.rateLimit.earlyCount == 1)
    }

    @Test("exchange codes classify failures whatever the HTTP status", arguments: [
        ("bybit", #""status":200,"code":10006"#, "rate"),
        ("bybit", #""status":403"#, "rate"),
        ("okx", #""status":200,"code":"50113""#, "auth"),
        ("kraken", #""status":200,"error_code":"EService: Throttled""#, "rate"),
        ("kraken", #""status":200,"error_code":"EAPI:Invalid nonce""#, "auth"),
        ("kraken", #""status":200,"error_code":"EOrder:Insufficient funds""#, "validation"),
        ("binance", #""status":400,"code":-1021"#, "auth"),
        ("binance", #""status":400,"code":-1013"#, "validation"),
        ("binance", #""error_code":"ETIMEDOUT""#, "platform"),
        ("coinbase", #""status":403"#, "auth"),
    ])
    func classification(_ exchange: String, _ fields: String, _ expected: String) throws {
        let facts = try facts(Self.request(0, #""endpoint":"/x",\#(fields)"#), exchange: exchange)
        let counts = [
            "rate": facts.rateLimit.responses.count, "auth": facts.auth.failures.count,
            "platform": facts.platform.failures.count, "validation": facts.validation.failures.count,
        ]
        #expect(counts.filter { $0.value > 0 }.map(\.key) == [expected])
    }

    @Test func escalationMustFollowWithinTheWindow() throws {
        let text = Self.request(0, #""endpoint":"/a","status":401"#)
            + Self.line(30_000, "escalation")
            + Self.request(100_000, #""endpoint":"/b","status":401"#)
            + Self.line(190_000, "kill_switch")
            + Self.request(300_000, #""endpoint":"/c","status":403"#)
            + Self.line(310_000, "heartbeat")
        let facts = try facts(text)
        #expect(facts.auth.failures.count == 3)
        #expect(facts.auth.withoutEscalation.count == 1)
        #expect(facts.auth.withoutEscalation.samples.first?.location.line == 3)
        // The last one is 10 s from the end of the logs: an escalation may have come after them.
        #expect(facts.auth.undecided == 1)
        #expect(facts.escalationRecords == 2)
    }

    @Test func orderResentUnderANewIDLinkedByRequestID() throws {
        let text = Self.line(0, "order_submit", #""endpoint":"/api/v3/order","status":504,"request_id":"q","clientOrderId":"a1""#)
            + Self.line(800, "order_submit", #""endpoint":"/api/v3/order","status":200,"request_id":"q","clientOrderId":"a2""#)
            + Self.line(5000, "order_submit", #""endpoint":"/api/v3/order","status":504,"attempt":1,"clientOrderId":"b1""#)
            + Self.line(5800, "order_submit", #""endpoint":"/api/v3/order","status":200,"attempt":2,"clientOrderId":"b1""#)
        let facts = try facts(text)
        #expect(facts.platform.unknownOutcomeOrders.count == 2)
        #expect(facts.platform.resentUnderNewID.count == 1)
        #expect(facts.platform.resentUnderNewID.samples.first?.location.line == 2)
        #expect(facts.platform.resentUnderSameID == 1)
    }

    @Test func aListOfOpenOrdersIsNotAStatusQuery() throws {
        // A filled order is missing from openOrders: only a query of the order itself settles its outcome.
        let submit = #""endpoint":"/api/v3/order","method":"POST""#
        let text = Self.request(0, submit + #","status":504,"attempt":1,"clientOrderId":"a1""#)
            + Self.request(300, #""endpoint":"/api/v3/openOrders","method":"GET","status":200"#)
            + Self.request(900, submit + #","status":200,"attempt":2,"clientOrderId":"a2""#)
            + Self.request(5000, submit + #","status":504,"attempt":1,"clientOrderId":"b1""#)
            + Self.request(5300, #""endpoint":"/api/v3/order","method":"GET","status":200,"origClientOrderId":"b1""#)
            + Self.request(5900, submit + #","status":200,"attempt":2,"clientOrderId":"b2""#)
        let facts = try facts(text)
        #expect(facts.platform.unknownOutcomeOrders.count == 2)
        #expect(facts.platform.resentUnderNewID.count == 1)
        #expect(facts.platform.resentUnderNewID.samples.first?.location.line == 3)
        #expect(facts.platform.statusQueriedFirst == 1)
    }

    @Test func fullJitterDistributionsPerAttempt() throws {
        var text = ""
        let delays = [(120, 1500), (480, 400), (900, 1900), (300, 1100), (650, 2600), (50, 800)]
        for (index, pair) in delays.enumerated() {
            let base = index * 20_000
            text += Self.request(base, #""endpoint":"/o","status":503,"attempt":1,"request_id":"r\#(index)""#)
            text += Self.request(base + pair.0, #""endpoint":"/o","status":503,"attempt":2,"request_id":"r\#(index)""#)
            text += Self.request(base + pair.0 + pair.1, #""endpoint":"/o","status":200,"attempt":3,"request_id":"r\#(index)""#)
        }
        let facts = try facts(text)
        let second = try #require(facts.delaysByAttempt.first { $0.attempt == 2 })
        let third = try #require(facts.delaysByAttempt.first { $0.attempt == 3 })
        #expect(second.count == 6 && third.count == 6)
        #expect(second.medianMs == 390)
        #expect(third.medianMs == 1300)
        #expect(second.minMs == 50 && second.maxMs == 900)
    }

    @Test func backpressureComparesTheWindowsAroundA429() throws {
        var text = ""
        for second in 0..<70 { text += Self.request(second * 1000, #""endpoint":"/d","status":200,"inflight":4"#) }
        text += Self.request(70_000, #""endpoint":"/d","status":429,"inflight":4"#)
        // Same count after, but only one in flight: the bot shed load.
        for second in 71...130 { text += Self.request(second * 1000, #""endpoint":"/d","status":200,"inflight":1"#) }
        let facts = try facts(text)
        #expect(facts.backpressure().episodesJudged == 1)
        #expect(facts.backpressure().episodesShed == 1)
        #expect(facts.backpressure().episodesUndecided == 0)
        // The window before holds the 429 and the 59 requests of the minute up to it.
        #expect(facts.backpressure().requestsBefore == 60)
        #expect(facts.backpressure().requestsAfter == 60)
        #expect(facts.backpressure().meanInflightBefore == 4)
        #expect(facts.backpressure().meanInflightAfter == 1)
    }

    @Test func aRateLimitAtTheStartOfTheLogsIsUndecided() throws {
        let text = Self.request(0, #""endpoint":"/d","status":429"#) + Self.request(80_000, #""endpoint":"/d","status":200"#)
        let facts = try facts(text)
        #expect(facts.backpressure().episodesJudged == 0)
        #expect(facts.backpressure().episodesUndecided == 1)
    }

    @Test func manyOpenChainsStayBoundedAndAreAllCounted() throws {
        // 10 000 requests that each fail once and are never retried: open chains are evicted, not lost.
        var text = ""
        text.reserveCapacity(1_200_000)
        for index in 0..<10_000 {
            text += Self.request(index * 10, #""endpoint":"/o","status":500,"request_id":"id-\#(index)""#)
        }
        let facts = try facts(text)
        #expect(facts.attempts.chains == 10_000)
        #expect(facts.attempts.histogram == [1: 10_000])
        #expect(facts.platform.failures.count == 10_000)
        #expect(facts.platform.failures.samples.count == LogRecordTally.sampleLimit)
    }
}
