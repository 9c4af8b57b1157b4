import Foundation
import PreflightStandIn
import Testing

@Suite("Coinbase ES256 JWT endpoint")
struct CoinbaseJWTTests {
    static let path = "/api/v3/brokerage/key_permissions"

    static func nowSeconds() -> Int64 { localMilliseconds() / 1000 }

    @Test func aFreshlySignedJWTGetsThePermissions() async throws {
        let key = CoinbaseTestKey()
        let server = try StandInServer(makeConfiguration(coinbaseKey: key))
        defer { server.stop() }
        // Any host is accepted in the uri claim; the method and path must match.
        for host in ["api.coinbase.com", "127.0.0.1:\(server.port)"] {
            let jwt = try TestSigning.coinbaseJWT(key: key, uri: "GET \(host)\(Self.path)", notBefore: Self.nowSeconds())
            let answer = try await PlainHTTPClient(baseURL: server.baseURL).get(Self.path, headers: ["Authorization": "Bearer \(jwt)"])
            #expect(answer.status == 200)
            let json = try answer.json()
            #expect(json["can_view"] as? Bool == true)
            #expect(json["can_trade"] as? Bool == false)
            #expect(json["can_transfer"] as? Bool == false)
            #expect(json["portfolio_type"] as? String == "DEFAULT")
        }
    }

    @Test(arguments: [
        "signed by another key", "expired", "not yet valid", "wrong path in uri", "wrong method in uri", "other key name", "no token",
    ])
    func badTokensGet401(kind: String) async throws {
        let key = CoinbaseTestKey()
        let server = try StandInServer(makeConfiguration(coinbaseKey: key))
        defer { server.stop() }
        let now = Self.nowSeconds()
        let uri = "GET api.coinbase.com\(Self.path)"
        let jwt: String? = switch kind {
        case "signed by another key": try TestSigning.coinbaseJWT(key: CoinbaseTestKey(), uri: uri, notBefore: now)
        case "expired": try TestSigning.coinbaseJWT(key: key, uri: uri, notBefore: now - 180)
        case "not yet valid": try TestSigning.coinbaseJWT(key: key, uri: uri, notBefore: now + 60)
        case "wrong path in uri": try TestSigning.coinbaseJWT(key: key, uri: "GET api.coinbase.com/api/v3/brokerage/accounts", notBefore: now)
        case "wrong method in uri": try TestSigning.coinbaseJWT(key: key, uri: "POST api.coinbase.com\(Self.path)", notBefore: now)
        case "other key name": try TestSigning.coinbaseJWT(key: key, keyName: "organizations/x/apiKeys/y", uri: uri, notBefore: now)
        default: nil
        }
        let headers = jwt.map { ["Authorization": "Bearer \($0)"] } ?? [:]
        let answer = try await PlainHTTPClient(baseURL: server.baseURL).get(Self.path, headers: headers)
        #expect(answer.status == 401)
        #expect(server.requests.last?.outcome.hasPrefix("rejected: 401") == true)
    }

    /// The server clock decides expiry: a token minted by a correct local clock is already expired for a server 3 min ahead.
    @Test func expiryIsJudgedByTheSkewedServerClock() async throws {
        let key = CoinbaseTestKey()
        let server = try StandInServer(makeConfiguration(clockSkewMs: 180_000, coinbaseKey: key))
        defer { server.stop() }
        let jwt = try TestSigning.coinbaseJWT(key: key, uri: "GET api.coinbase.com\(Self.path)", notBefore: Self.nowSeconds())
        let answer = try await PlainHTTPClient(baseURL: server.baseURL).get(Self.path, headers: ["Authorization": "Bearer \(jwt)"])
        #expect(answer.status == 401)
        #expect(server.requests.last?.outcome == "rejected: 401 jwt expired")
    }
}
