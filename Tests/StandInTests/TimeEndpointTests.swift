import Foundation
import PreflightStandIn
import Testing

@Suite("Server-time endpoints")
struct TimeEndpointTests {
    /// Each time endpoint, and how to read server milliseconds out of its body.
    static let endpoints: [(path: String, resolutionMs: Int64)] = [
        ("/api/v3/time", 1), ("/fapi/v1/time", 1), ("/v5/market/time", 1), ("/api/v5/public/time", 1),
        ("/0/public/Time", 1000), ("/api/v3/brokerage/time", 1),
    ]

    static func serverMilliseconds(path: String, _ json: [String: Any]) throws -> Int64 {
        switch path {
        case "/api/v3/time", "/fapi/v1/time":
            return try #require(json["serverTime"] as? NSNumber).int64Value
        case "/v5/market/time":
            #expect(json["retCode"] as? Int == 0)
            let result = try #require(json["result"] as? [String: Any])
            let nanos = try Self.integer(result["timeNano"])
            let seconds = try Self.integer(result["timeSecond"])
            let time = try #require(json["time"] as? NSNumber).int64Value
            #expect(seconds == nanos / 1_000_000_000)
            #expect(abs(time - nanos / 1_000_000) < 50)
            return nanos / 1_000_000
        case "/api/v5/public/time":
            #expect(json["code"] as? String == "0")
            let data = try #require(json["data"] as? [[String: Any]])
            return try Self.integer(data.first?["ts"])
        case "/0/public/Time":
            #expect((json["error"] as? [Any])?.isEmpty == true)
            let result = try #require(json["result"] as? [String: Any])
            let rfc = try #require(result["rfc1123"] as? String)
            #expect(rfc.hasSuffix(" +0000") && rfc.count == "Thu, 06 Jul 23 18:50:48 +0000".count)
            return try #require(result["unixtime"] as? NSNumber).int64Value * 1000
        case "/api/v3/brokerage/time":
            let millis = try Self.integer(json["epochMillis"])
            #expect(json["epochSeconds"] as? String == "\(millis / 1000)")
            let iso = try #require(json["iso"] as? String)
            let parsed = try #require(ISO8601DateFormatter().date(from: iso))
            #expect(Int64(parsed.timeIntervalSince1970) == millis / 1000)
            return millis
        default:
            Issue.record("no reader for \(path)")
            return 0
        }
    }

    /// An integer the exchange sends as a JSON string.
    static func integer(_ value: Any?) throws -> Int64 {
        let text = try #require(value as? String)
        return try #require(Int64(text))
    }

    @Test(arguments: [0, 3000, -2500])
    func everyTimeEndpointAnswersWithTheSkewedClock(skewMs: Int) async throws {
        let server = try StandInServer(makeConfiguration(clockSkewMs: skewMs))
        defer { server.stop() }
        let client = PlainHTTPClient(baseURL: server.baseURL)
        for endpoint in Self.endpoints {
            let before = localMilliseconds()
            let answer = try await client.get(endpoint.path)
            let after = localMilliseconds()
            #expect(answer.status == 200, "\(endpoint.path)")
            #expect(answer.header("Content-Type") == "application/json")
            let serverMs = try Self.serverMilliseconds(path: endpoint.path, try answer.json())
            // The server read its clock between `before` and `after`; Kraken rounds down to the second.
            let lowest = before + Int64(skewMs) - endpoint.resolutionMs
            let highest = after + Int64(skewMs) + 1
            #expect((lowest...highest).contains(serverMs), "\(endpoint.path): \(serverMs - before - Int64(skewMs)) ms off")
        }
        #expect(server.requests.map(\.outcome) == Array(repeating: "200", count: Self.endpoints.count))
        #expect(Set(server.requests.map(\.path)) == Set(Self.endpoints.map(\.path)))
    }
}
