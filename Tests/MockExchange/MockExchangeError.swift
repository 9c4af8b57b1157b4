/// Why the mock exchange could not start.
public enum MockExchangeError: Error, Sendable, CustomStringConvertible {
    case socket(call: String, errno: Int32)
    case invalidCoinbasePublicKey(String)
    case invalidJSON(field: String)

    public var description: String {
        switch self {
        case .socket(let call, let code): "mock exchange: \(call) failed with errno \(code)"
        case .invalidCoinbasePublicKey(let reason): "mock exchange: coinbasePublicKeyPEM is not a P-256 public key (\(reason))"
        case .invalidJSON(let field): "mock exchange: configuration field \(field) is not valid JSON"
        }
    }
}
