import Foundation
import PreflightStandIn
import Testing

@Suite("OKX signed endpoint")
struct OKXSigningTests {
    static let path = "/api/v5/account/config"

    @Test func correctlySignedRequestGetsTheAccountConfig() async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let answer = try await PlainHTTPClient(baseURL: server.baseURL).get(Self.path, headers: TestSigning.okxHeaders(timestamp: localMilliseconds()))
        #expect(answer.status == 200)
        let json = try answer.json()
        #expect(json["code"] as? String == "0")
        let config = try #require((json["data"] as? [[String: Any]])?.first)
        #expect(config["perm"] as? String == "read_only")
        #expect(config["ip"] as? String == "203.0.113.10")
    }

    @Test(arguments: [
        // (case, expected OKX code); all HTTP 401
        ("stale 31 s", "50102"), ("ahead 34 s", "50102"), ("bad signature", "50113"), ("unknown key", "50111"),
        ("wrong passphrase", "50105"), ("timestamp without milliseconds", "50112"), ("query not signed", "50113"),
    ])
    func rejectionsUseOKXsOwnCodes(kind: String, code: String) async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let now = localMilliseconds()
        var target = Self.path
        var headers: [String: String] = switch kind {
        case "stale 31 s": TestSigning.okxHeaders(timestamp: now - 31_000)
        case "ahead 34 s": TestSigning.okxHeaders(timestamp: now + 34_000)
        case "bad signature": TestSigning.okxHeaders(timestamp: now, secret: "not-the-secret")
        case "unknown key": TestSigning.okxHeaders(timestamp: now, key: "someone-else")
        case "wrong passphrase": TestSigning.okxHeaders(timestamp: now, passphrase: "guess")
        default: TestSigning.okxHeaders(timestamp: now)
        }
        if kind == "timestamp without milliseconds" {
            headers["OK-ACCESS-TIMESTAMP"] = String(TestSigning.okxTimestamp(now).prefix(19)) + "Z"
        }
        if kind == "query not signed" { target += "?instType=SPOT" }
        let answer = try await PlainHTTPClient(baseURL: server.baseURL).get(target, headers: headers)
        #expect(answer.status == 401)
        #expect(try answer.json()["code"] as? String == code)
    }

    @Test func withinThirtySecondsEitherWayIsAccepted() async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let client = PlainHTTPClient(baseURL: server.baseURL)
        for offset: Int64 in [-26_000, 29_000] {
            let answer = try await client.get(Self.path, headers: TestSigning.okxHeaders(timestamp: localMilliseconds() + offset))
            #expect(answer.status == 200)
        }
    }

    @Test func aSignedQueryIsAccepted() async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let target = Self.path + "?instType=SPOT"
        let answer = try await PlainHTTPClient(baseURL: server.baseURL).get(
            target, headers: TestSigning.okxHeaders(timestamp: localMilliseconds(), requestPath: target)
        )
        #expect(answer.status == 200)
    }
}
