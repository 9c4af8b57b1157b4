/// Why the stand-in could not start.
public enum StandInError: Error, Sendable, CustomStringConvertible {
    case bind(address: String, reason: String)
    case invalidCoinbasePublicKey(String)
    case invalidJSON(field: String)
    case notLoopback(String)

    public var description: String {
        switch self {
        case .bind(let address, let reason): "exchange stand-in: cannot listen on \(address): \(reason)"
        case .invalidCoinbasePublicKey(let reason): "exchange stand-in: coinbasePublicKeyPEM is not a P-256 public key (\(reason))"
        case .invalidJSON(let field): "exchange stand-in: configuration field \(field) is not valid JSON"
        case .notLoopback(let host): "exchange stand-in: listens on 127.0.0.1 only, not \(host)"
        }
    }
}
