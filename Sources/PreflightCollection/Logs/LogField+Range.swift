import PreflightModel

extension LogField {
    /// The values a record may carry for a numeric field. A number outside is bad input: the field is
    /// dropped from the record (as if absent), counted and shown with its line, so that no later
    /// arithmetic on it can overflow and no nonsense decides a verdict.
    var plausibleRange: ClosedRange<Double>? {
        switch self {
        case .status: 0...999
        case .attempt, .concurrencyInflight: 0...1_000_000
        // Up to 115 days: longer is no request or disconnect a log can describe.
        case .latencyMs, .recvWindow, .lastMessageAgoMs: 0...1e10
        // An offset of up to 31 years either way (a clock at the epoch).
        case .clockOffsetMs: -1e12...1e12
        case .retryAfter: 0...1e8
        case .uptimeSeconds: 0...1e10
        case .closeCode: 0...65_535
        case .resyncItems: 0...1e12
        default: nil
        }
    }
}

extension LogInstant {
    /// Log times preflight reads: from the Unix epoch up to 2200-01-01. Beyond, a time is not one a bot wrote,
    /// and two such times could be further apart than 64-bit nanoseconds reach.
    static let latestNanoseconds: Int64 = 7_258_118_400_000_000_000

    /// The instant when `nanoseconds` is within the range logs are read in, else nil.
    init?(checkedNanoseconds nanoseconds: Int64) {
        guard (0...Self.latestNanoseconds).contains(nanoseconds) else { return nil }
        self.init(nanoseconds: nanoseconds)
    }
}
