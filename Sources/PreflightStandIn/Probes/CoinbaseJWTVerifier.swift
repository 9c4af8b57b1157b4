import Crypto
import Foundation

/// Verifies a Coinbase Advanced Trade bearer JWT: ES256 over `header.payload`, `kid` and `sub` naming the
/// configured key, `iss` = `cdp`, the server clock inside `[nbf, exp)`, and a `uri` claim of
/// `"<METHOD> <any host><path>"` matching the request's method and path (without query).
struct CoinbaseJWTVerifier: Sendable {
    let keyName: String
    let publicKey: P256.Signing.PublicKey?

    /// `nil` when the token is good; otherwise why it is not.
    func rejection(authorization: String?, method: String, path: String, serverTimeMs: Int64) -> String? {
        guard let publicKey, !keyName.isEmpty else { return "no Coinbase key configured" }
        guard let authorization, authorization.hasPrefix("Bearer ") else { return "missing bearer token" }
        let parts = authorization.dropFirst("Bearer ".count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let headerBytes = Self.base64URLDecode(parts[0]), let payloadBytes = Self.base64URLDecode(parts[1]),
              let signatureBytes = Self.base64URLDecode(parts[2]),
              let header = try? JSONSerialization.jsonObject(with: headerBytes) as? [String: Any],
              let claims = try? JSONSerialization.jsonObject(with: payloadBytes) as? [String: Any]
        else { return "malformed jwt" }
        guard header["alg"] as? String == "ES256" else { return "alg is not ES256" }
        guard header["kid"] as? String == keyName else { return "unknown key" }
        guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signatureBytes),
              publicKey.isValidSignature(signature, for: Data("\(parts[0]).\(parts[1])".utf8))
        else { return "bad signature" }
        guard claims["sub"] as? String == keyName else { return "sub is not the key name" }
        guard claims["iss"] as? String == "cdp" else { return "iss is not cdp" }
        guard let notBefore = (claims["nbf"] as? NSNumber)?.doubleValue, let expiry = (claims["exp"] as? NSNumber)?.doubleValue
        else { return "nbf or exp missing" }
        let now = Double(serverTimeMs) / 1000
        if now < notBefore { return "jwt not yet valid" }
        if now >= expiry { return "jwt expired" }
        guard let uri = claims["uri"] as? String, let space = uri.firstIndex(of: " ") else { return "uri claim missing" }
        let uriMethod = uri[..<space]
        let hostAndPath = uri[uri.index(after: space)...]
        guard uriMethod == method, let slash = hostAndPath.firstIndex(of: "/"), hostAndPath[slash...] == path else {
            return "uri claim does not match the request"
        }
        return nil
    }

    static func base64URLDecode(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
