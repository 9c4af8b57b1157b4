/// A record's severity, from a level name (any case, first letter decides) or pino's numbers.
public enum LogLevel: UInt8, Sendable, Comparable, Codable {
    case trace, debug, info, warn, error, fatal

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// pino: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal.
    init?(pinoNumber: Int) {
        switch pinoNumber {
        case ..<20: self = .trace
        case 20..<30: self = .debug
        case 30..<40: self = .info
        case 40..<50: self = .warn
        case 50..<60: self = .error
        default: self = .fatal
        }
    }

    /// `INFO`, `warning`, `Err`, zap's `dpanic`/`panic`, python's `CRITICAL`.
    init?(nameStartingWith first: UInt8) {
        switch first | 0x20 {
        case UInt8(ascii: "t"): self = .trace
        case UInt8(ascii: "d"): self = .debug
        case UInt8(ascii: "i"), UInt8(ascii: "n"): self = .info
        case UInt8(ascii: "w"): self = .warn
        case UInt8(ascii: "e"): self = .error
        case UInt8(ascii: "f"), UInt8(ascii: "c"), UInt8(ascii: "p"), UInt8(ascii: "a"): self = .fatal
        default: return nil
        }
    }
}
