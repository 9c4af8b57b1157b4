import Crypto
import Foundation

/// The HMAC-SHA256 signatures the exchanges use, computed the server's way.
enum RequestSigning {
    static func hmacSHA256(secret: String, message: String) -> [UInt8] {
        let key = SymmetricKey(data: Data(secret.utf8))
        return Array(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key))
    }

    /// Lowercase hex, as Binance and Bybit expect.
    static func hexHMAC(secret: String, message: String) -> String {
        hmacSHA256(secret: secret, message: message).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
        }.joined()
    }

    /// Standard base64, as OKX expects.
    static func base64HMAC(secret: String, message: String) -> String {
        Data(hmacSHA256(secret: secret, message: message)).base64EncodedString()
    }

    /// Compares two signatures without an early exit on the first differing byte.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
