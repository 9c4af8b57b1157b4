import Foundation
import PreflightStandIn
import Testing

@Suite("Binance signed endpoint")
struct BinanceSigningTests {
    static let path = "/sapi/v1/account/apiRestrictions"

    @Test func correctlySignedRequestGetsTheRestrictions() async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let answer = try await PlainHTTPClient(baseURL: server.baseURL).get(
            Self.path + "?" + TestSigning.binanceQuery(timestamp: localMilliseconds()),
            headers: ["X-MBX-APIKEY": TestCredentials.apiKey]
        )
        #expect(answer.status == 200)
        let json = try answer.json()
        #expect(json["ipRestrict"] as? Bool == true)
        #expect(json["enableWithdrawals"] as? Bool == false)
        #expect(json["enableReading"] as? Bool == true)
        let created = try #require(json["createTime"] as? NSNumber).int64Value
        #expect(abs(localMilliseconds() - created - 30 * 86_400_000) < 60_000)
        #expect(server.requests.last?.outcome == "200")
        #expect(server.requests.last?.headerNames.contains { $0.lowercased() == "x-mbx-apikey" } == true)
    }

    /// Binance's documented test vector, checked by the server's own verifier: the server clock is skewed
    /// to the vector's moment so that its timestamp 1499827319559 falls inside the recvWindow.
    @Test func documentedHMACTestVectorIsAccepted() async throws {
        let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
        let payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        let signature = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"
        #expect(TestSigning.hex(TestSigning.hmac(secret, payload)) == signature)

        // A server per request, each skewed just before it, so that a slow test machine cannot make the
        // vector's fixed timestamp fall out of the window between the two requests.
        func vectorServer() throws -> StandInServer {
            let skew = Int(1_499_827_319_559 + 500 - localMilliseconds())
            return try StandInServer(StandInConfiguration(apiKey: "vector-key", apiSecret: secret, clockSkewMs: skew))
        }
        let first = try vectorServer()
        defer { first.stop() }
        let good = try await PlainHTTPClient(baseURL: first.baseURL)
            .get(Self.path + "?" + payload + "&signature=" + signature, headers: ["X-MBX-APIKEY": "vector-key"])
        #expect(good.status == 200)
        let second = try vectorServer()
        defer { second.stop() }
        let flipped = "d" + signature.dropFirst()
        let bad = try await PlainHTTPClient(baseURL: second.baseURL)
            .get(Self.path + "?" + payload + "&signature=" + flipped, headers: ["X-MBX-APIKEY": "vector-key"])
        #expect(bad.status == 400)
        #expect(try bad.json()["code"] as? Int == -1022)
        #expect(first.requests.map(\.outcome) + second.requests.map(\.outcome) == ["200", "rejected: -1022 bad signature"])
    }

    @Test(arguments: [
        // (timestamp offset from now in ms, recvWindow, expected HTTP status, expected code or nil)
        // Margins of seconds on the side that time passing erodes, so a loaded machine cannot flip a verdict.
        (0, 5000, 200, nil), (-2000, 5000, 200, nil), (-6000, 5000, 400, -1021), (-6000, 10000, 200, nil),
        (900, 5000, 200, nil), (3500, 5000, 400, -1021), (-70000, 60000, 400, -1021),
    ] as [(Int64, Int, Int, Int?)])
    func timestampWindowFollowsBinanceRules(offsetMs: Int64, recvWindow: Int, status: Int, code: Int?) async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let query = TestSigning.binanceQuery(timestamp: localMilliseconds() + offsetMs, recvWindow: recvWindow)
        let answer = try await PlainHTTPClient(baseURL: server.baseURL).get(Self.path + "?" + query, headers: ["X-MBX-APIKEY": TestCredentials.apiKey])
        #expect(answer.status == status)
        if let code {
            #expect(try answer.json()["code"] as? Int == code)
            // Binance words a timestamp ahead of its clock apart from one behind the window.
            let message = offsetMs > 1000 ? "Timestamp for this request was 1000ms ahead of the server's time." : "Timestamp for this request is outside of the recvWindow."
            #expect(try answer.json()["msg"] as? String == message)
        }
    }

    /// A skewed server clock judges the client's timestamp: a correct local clock is "stale" to a server 10 s ahead.
    @Test func serverJudgesTimestampsByItsOwnSkewedClock() async throws {
        let server = try StandInServer(makeConfiguration(clockSkewMs: 10_000))
        defer { server.stop() }
        let client = PlainHTTPClient(baseURL: server.baseURL)
        let headers = ["X-MBX-APIKEY": TestCredentials.apiKey]
        let stale = try await client.get(Self.path + "?" + TestSigning.binanceQuery(timestamp: localMilliseconds()), headers: headers)
        #expect(try stale.json()["code"] as? Int == -1021)
        let corrected = try await client.get(Self.path + "?" + TestSigning.binanceQuery(timestamp: localMilliseconds() + 10_000), headers: headers)
        #expect(corrected.status == 200)
    }

    @Test func wrongKeyWrongSecretAndMissingParametersAreRejected() async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let client = PlainHTTPClient(baseURL: server.baseURL)
        let unknownKey = try await client.get(Self.path + "?" + TestSigning.binanceQuery(timestamp: localMilliseconds()), headers: ["X-MBX-APIKEY": "someone-else"])
        #expect(unknownKey.status == 401)
        #expect(try unknownKey.json()["code"] as? Int == -2015)
        let wrongSecret = try await client.get(
            Self.path + "?" + TestSigning.binanceQuery(timestamp: localMilliseconds(), secret: "not-the-secret"), headers: ["X-MBX-APIKEY": TestCredentials.apiKey]
        )
        #expect(wrongSecret.status == 400)
        #expect(try wrongSecret.json()["code"] as? Int == -1022)
        let noKey = try await client.get(Self.path + "?" + TestSigning.binanceQuery(timestamp: localMilliseconds()))
        #expect(noKey.status == 401)
        #expect(try noKey.json()["code"] as? Int == -2014)
        let noSignature = try await client.get(Self.path + "?timestamp=\(localMilliseconds())", headers: ["X-MBX-APIKEY": TestCredentials.apiKey])
        #expect(try noSignature.json()["code"] as? Int == -1102)
        #expect(server.requests.map(\.outcome) == [
            "rejected: -2015 unknown key", "rejected: -1022 bad signature", "rejected: -2014 missing key", "rejected: -1102 missing signature",
        ])
    }
}
