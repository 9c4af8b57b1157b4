import Crypto
import Foundation

/// Signatures exactly as each exchange documents them. Secrets go in, signatures come out; neither is
/// ever logged or put into an error.
enum RequestSigning {
    static func hmacSHA256(_ message: String, secret: String) -> HashedAuthenticationCode<SHA256> {
        HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: Data(secret.utf8)))
    }

    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// Binance: hex HMAC-SHA256 of the query string (plus body).
    static func binance(query: String, secret: String) -> String {
        hex(hmacSHA256(query, secret: secret))
    }

    /// Bybit v5: hex HMAC-SHA256 of timestamp + key + recvWindow + query string.
    static func bybit(timestamp: String, apiKey: String, recvWindow: String, query: String, secret: String) -> String {
        hex(hmacSHA256(timestamp + apiKey + recvWindow + query, secret: secret))
    }

    /// OKX v5: base64 HMAC-SHA256 of ISO timestamp + method + request path (with query) + body.
    static func okx(timestamp: String, method: String, requestPath: String, body: String, secret: String) -> String {
        Data(hmacSHA256(timestamp + method + requestPath + body, secret: secret)).base64EncodedString()
    }

    /// OKX's timestamp form: 2020-12-08T09:08:57.715Z.
    static func okxTimestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    enum JWTError: Error {
        case invalidPrivateKey
    }

    /// Coinbase Advanced Trade: an ES256 JWT naming the key, the request and a 120 s lifetime.
    static func coinbaseJWT(keyName: String, privateKeyPEM: String, method: String, host: String, path: String, now: Date) throws -> String {
        let key: P256.Signing.PrivateKey
        do {
            key = try P256.Signing.PrivateKey(pemRepresentation: privateKeyPEM.replacingOccurrences(of: "\\n", with: "\n"))
        } catch {
            throw JWTError.invalidPrivateKey
        }
        let issued = Int(now.timeIntervalSince1970)
        let nonce = hex((0..<16).map { _ in UInt8.random(in: 0...255) })
        let header: [String: Any] = ["alg": "ES256", "kid": keyName, "nonce": nonce, "typ": "JWT"]
        let claims: [String: Any] = ["iss": "cdp", "sub": keyName, "nbf": issued, "exp": issued + 120, "uri": "\(method) \(host)\(path)"]
        let signingInput = base64URL(try JSONSerialization.data(withJSONObject: header, options: .sortedKeys)) + "."
            + base64URL(try JSONSerialization.data(withJSONObject: claims, options: .sortedKeys))
        let signature = try key.signature(for: Data(signingInput.utf8))
        return signingInput + "." + base64URL(signature.rawRepresentation)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
