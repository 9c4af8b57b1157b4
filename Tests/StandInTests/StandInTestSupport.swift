import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PreflightStandIn
import Testing

/// Credentials the tests give the mock and then sign with.
enum TestCredentials {
    static let apiKey = "mock-api-key-3f9c"
    static let apiSecret = "mock-api-secret-8d1e5b77"
    static let passphrase = "mock-passphrase-42"
    static let coinbaseKeyName = "organizations/0f1e/apiKeys/mock-key-9a"
}

/// A Coinbase key pair made fresh for each test.
struct CoinbaseTestKey {
    let privateKey = P256.Signing.PrivateKey()
    var publicKeyPEM: String { privateKey.publicKey.pemRepresentation }
}

func makeConfiguration(clockSkewMs: Int = 0, coinbaseKey: CoinbaseTestKey = CoinbaseTestKey()) -> StandInConfiguration {
    StandInConfiguration(
        apiKey: TestCredentials.apiKey, apiSecret: TestCredentials.apiSecret, passphrase: TestCredentials.passphrase,
        coinbaseKeyName: TestCredentials.coinbaseKeyName, coinbasePublicKeyPEM: coinbaseKey.publicKeyPEM,
        clockSkewMs: clockSkewMs
    )
}

/// An HTTP answer as the tests look at it.
struct HTTPAnswer {
    var status: Int
    var headers: [String: String]
    var body: String

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }
}

/// A plain URLSession client: one session, so consecutive requests can share a kept-alive connection.
final class PlainHTTPClient: Sendable {
    let session: URLSession
    let baseURL: String

    init(baseURL: String) {
        self.baseURL = baseURL
        session = URLSession(configuration: .ephemeral)
    }

    deinit { session.invalidateAndCancel() }

    func get(_ pathAndQuery: String, headers: [String: String] = [:], method: String = "GET", timeout: TimeInterval = 10) async throws -> HTTPAnswer {
        var request = URLRequest(url: try #require(URL(string: baseURL + pathAndQuery)))
        request.httpMethod = method
        request.timeoutInterval = timeout
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)"] = "\(value)" }
        return HTTPAnswer(status: http.statusCode, headers: fields, body: String(decoding: data, as: UTF8.self))
    }
}

func localMilliseconds() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

/// Signing done the client's way, written here independently of the server's verifier.
enum TestSigning {
    static func hmac(_ secret: String, _ message: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(secret.utf8))))
    }

    static func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

    static func binanceQuery(timestamp: Int64, recvWindow: Int = 5000, secret: String = TestCredentials.apiSecret) -> String {
        let payload = "recvWindow=\(recvWindow)&timestamp=\(timestamp)"
        return payload + "&signature=" + hex(hmac(secret, payload))
    }

    static func bybitHeaders(timestamp: Int64, query: String = "", key: String = TestCredentials.apiKey,
                             secret: String = TestCredentials.apiSecret) -> [String: String] {
        let recvWindow = "5000"
        return [
            "X-BAPI-API-KEY": key, "X-BAPI-TIMESTAMP": "\(timestamp)", "X-BAPI-RECV-WINDOW": recvWindow,
            "X-BAPI-SIGN": hex(hmac(secret, "\(timestamp)\(key)\(recvWindow)\(query)")),
        ]
    }

    static func okxTimestamp(_ millis: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(millis) / 1000)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func okxHeaders(timestamp: Int64, requestPath: String = "/api/v5/account/config",
                           key: String = TestCredentials.apiKey, secret: String = TestCredentials.apiSecret,
                           passphrase: String = TestCredentials.passphrase) -> [String: String] {
        let iso = okxTimestamp(timestamp)
        return [
            "OK-ACCESS-KEY": key, "OK-ACCESS-TIMESTAMP": iso, "OK-ACCESS-PASSPHRASE": passphrase,
            "OK-ACCESS-SIGN": hmac(secret, iso + "GET" + requestPath).base64EncodedString(),
        ]
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A Coinbase CDP bearer JWT, built by hand: ES256 over base64url(header).base64url(claims).
    static func coinbaseJWT(key: CoinbaseTestKey, keyName: String = TestCredentials.coinbaseKeyName,
                            uri: String, notBefore: Int64, lifetime: Int64 = 120) throws -> String {
        let header = #"{"alg":"ES256","kid":"\#(keyName)","nonce":"\#(UUID().uuidString)","typ":"JWT"}"#
        let claims = #"{"sub":"\#(keyName)","iss":"cdp","nbf":\#(notBefore),"exp":\#(notBefore + lifetime),"uri":"\#(uri)"}"#
        let signingInput = base64URL(Data(header.utf8)) + "." + base64URL(Data(claims.utf8))
        let signature = try key.privateKey.signature(for: Data(signingInput.utf8))
        return signingInput + "." + base64URL(signature.rawRepresentation)
    }
}
