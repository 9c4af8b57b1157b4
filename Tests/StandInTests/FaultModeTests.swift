import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PreflightStandIn
import Testing

@Suite("Fault injection")
struct FaultModeTests {
    @Test(arguments: [
        // (path, fault, status, a fragment of the exchange's own body)
        ("/api/v3/time", StandInFault.rateLimited(retryAfterSeconds: 7), 429, #""code":-1003"#),
        ("/v5/market/time", .rateLimited(retryAfterSeconds: 7), 429, #""retCode":10006"#),
        ("/api/v5/public/time", .rateLimited(retryAfterSeconds: 7), 429, #""code":"50011""#),
        ("/0/public/Time", .rateLimited(retryAfterSeconds: 7), 429, "EAPI:Rate limit exceeded"),
        ("/api/v3/time", .ipBanned, 418, "banned until"),
        ("/sapi/v1/account/apiRestrictions", .invalidKey, 401, #"{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action."}"#),
        ("/v5/user/query-api", .invalidKey, 200, #""retCode":10003"#),
        ("/api/v5/account/config", .invalidKey, 401, #""code":"50111""#),
        ("/api/v3/brokerage/key_permissions", .invalidKey, 401, "Unauthorized"),
        ("/api/v3/time", .serverError(status: 503), 503, #""code":-1000"#),
        ("/api/v5/public/time", .serverError(status: 500), 500, #""code":"50001""#),
    ])
    func statusFaultsAnswerWithTheExchangesOwnBody(path: String, fault: StandInFault, status: Int, fragment: String) async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        server.setFault(fault)
        let answer = try await PlainHTTPClient(baseURL: server.baseURL).get(path)
        #expect(answer.status == status)
        #expect(answer.body.contains(fragment))
        if case .rateLimited(let seconds) = fault { #expect(answer.header("Retry-After") == "\(seconds)") }
        #expect(server.requests.last?.outcome.hasPrefix("fault: ") == true)
    }

    @Test func htmlErrorPageIsHTML() async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        server.setFault(.htmlErrorPage(status: 502))
        let answer = try await PlainHTTPClient(baseURL: server.baseURL).get("/api/v3/time")
        #expect(answer.status == 502)
        #expect(answer.header("Content-Type") == "text/html")
        #expect(answer.body.hasPrefix("<html>"))
        #expect(answer.body.contains("502 Bad Gateway"))
    }

    @Test func faultsApplyByLongestPathPrefixAndCanBeCleared() async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let client = PlainHTTPClient(baseURL: server.baseURL)
        server.setFault(.serverError(status: 503), forPathPrefix: "/api/")
        server.setFault(.ipBanned, forPathPrefix: "/api/v5/")
        #expect(try await client.get("/api/v3/time").status == 503)
        #expect(try await client.get("/api/v5/public/time").status == 418)
        #expect(try await client.get("/v5/market/time").status == 200)
        server.setFault(nil, forPathPrefix: "/api/v5/")
        #expect(try await client.get("/api/v5/public/time").status == 503)
        server.setFault(nil)
        #expect(try await client.get("/api/v3/time").status == 200)
    }

    @Test func slowAnswerArrivesAfterTheDelayOrTimesOutTheClient() async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        server.setFault(.slow(seconds: 0.6), forPathPrefix: "/api/v3/time")
        let started = Date()
        let answer = try await PlainHTTPClient(baseURL: server.baseURL).get("/api/v3/time")
        #expect(answer.status == 200)
        #expect(Date().timeIntervalSince(started) >= 0.6)
        #expect(try answer.json()["serverTime"] != nil)

        await #expect(throws: URLError.self) {
            _ = try await PlainHTTPClient(baseURL: server.baseURL).get("/api/v3/time", timeout: 0.2)
        }
        #expect(server.requests.first?.outcome == "fault: slow 0.6 s, then 200")
    }

    @Test func truncatedJSONDeclaresTheFullLengthAndSendsHalf() async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        server.setFault(.truncatedJSON)
        let raw = try RawTCPClient(port: server.port)
        defer { raw.close() }
        raw.send("GET /api/v3/brokerage/time HTTP/1.1\r\nHost: x\r\n\r\n")
        let wire = String(decoding: raw.readToEnd(), as: UTF8.self)
        let parts = wire.components(separatedBy: "\r\n\r\n")
        #expect(parts.count == 2)
        let declared = try #require(parts[0].split(separator: "\r\n").first { $0.hasPrefix("Content-Length: ") })
        let length = try #require(Int(declared.dropFirst("Content-Length: ".count)))
        #expect(parts[1].utf8.count == length / 2)
        #expect(parts[1].hasPrefix(#"{"iso":""#))

        await #expect(throws: URLError.self) {
            _ = try await PlainHTTPClient(baseURL: server.baseURL).get("/api/v3/time")
        }
    }

    @Test func closeConnectionSendsNothing() async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        server.setFault(.closeConnection)
        let raw = try RawTCPClient(port: server.port)
        defer { raw.close() }
        raw.send("GET /api/v3/time HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(raw.readToEnd().isEmpty)

        await #expect(throws: URLError.self) {
            _ = try await PlainHTTPClient(baseURL: server.baseURL).get("/api/v3/time")
        }
        #expect(server.requests.allSatisfy { $0.outcome == "fault: connection closed without an answer" })
    }
}
