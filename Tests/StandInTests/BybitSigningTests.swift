import Foundation
import PreflightStandIn
import Testing

@Suite("Bybit signed endpoint")
struct BybitSigningTests {
    static let path = "/v5/user/query-api"

    @Test func correctlySignedRequestGetsTheKeyDescription() async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let answer = try await PlainHTTPClient(baseURL: server.baseURL).get(Self.path, headers: TestSigning.bybitHeaders(timestamp: localMilliseconds()))
        #expect(answer.status == 200)
        let json = try answer.json()
        #expect(json["retCode"] as? Int == 0)
        let result = try #require(json["result"] as? [String: Any])
        #expect(result["readOnly"] as? Int == 1)
        #expect(result["ips"] as? [String] == ["203.0.113.10"])
        #expect(result["permissions"] is [String: [String]])
        #expect(result["createdAt"] is String && result["expiredAt"] is String)
    }

    @Test func aQueryStringIsPartOfTheSignature() async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let client = PlainHTTPClient(baseURL: server.baseURL)
        let signedWithQuery = try await client.get(Self.path + "?x=1", headers: TestSigning.bybitHeaders(timestamp: localMilliseconds(), query: "x=1"))
        #expect(try signedWithQuery.json()["retCode"] as? Int == 0)
        let signedWithoutQuery = try await client.get(Self.path + "?x=1", headers: TestSigning.bybitHeaders(timestamp: localMilliseconds()))
        #expect(try signedWithoutQuery.json()["retCode"] as? Int == 10004)
    }

    @Test(arguments: [
        // (case, expected retCode)
        ("stale", 10002), ("future", 10002), ("bad signature", 10004), ("unknown key", 10003),
    ])
    func rejectionsComeAsHTTP200WithBybitsRetCode(kind: String, retCode: Int) async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let now = localMilliseconds()
        let headers: [String: String] = switch kind {
        case "stale": TestSigning.bybitHeaders(timestamp: now - 6000)
        case "future": TestSigning.bybitHeaders(timestamp: now + 3500)
        case "bad signature": TestSigning.bybitHeaders(timestamp: now, secret: "not-the-secret")
        default: TestSigning.bybitHeaders(timestamp: now, key: "someone-else")
        }
        let answer = try await PlainHTTPClient(baseURL: server.baseURL).get(Self.path, headers: headers)
        #expect(answer.status == 200)
        let json = try answer.json()
        #expect(json["retCode"] as? Int == retCode)
        #expect(server.requests.last?.outcome.hasPrefix("rejected: \(retCode)") == true)
    }
}
