/// What the api_request records show (A4, A6, B1, E1, E3). Counts, worst values and up to five
/// file:line examples each; memory does not grow with the log.
public struct RequestLogFacts: Codable, Sendable, Equatable {
    /// The fields E1 requires on every api_request record, in the checklist's order.
    public static let requiredFields = ["endpoint", "status", "error_code", "attempt", "latency_ms", "concurrency_inflight"]

    public var requests: Int
    /// Records marked signed (or, without a `signed` field, carrying a request timestamp).
    public var signedRequests: Int

    // A4
    public var signedWithRequestTimestamp: Int
    /// Two signed requests with the same timestamp or nonce within `reuseWindowMs` of each other.
    public var reusedTimestamps: LogRecordTally
    public var reuseWindowMs: Double
    /// The policy's timestamp_skew_ms the tally below was counted against.
    public var timestampSkewLimitMs: Double
    public var skewedTimestamps: LogRecordTally
    /// The largest distance between a request timestamp and the moment the request was sent.
    public var worstTimestampSkew: RequestLogExtreme?
    /// Timestamp-window rejections by error code (Binance -1021, Bybit 10002, OKX 50102, Kraken EAPI:Invalid nonce).
    public var timestampRejections: LogRecordTally

    // A6
    public var clockOffsetCoverage: RequestFieldCoverage

    // B1
    public var privateInflight: RequestInflightFacts
    public var publicInflight: RequestInflightFacts

    // E1
    public var fieldCoverage: [RequestFieldCoverage]

    // E3
    public var offsetAlerts: ClockOffsetAlertFacts

    public init() {
        requests = 0
        signedRequests = 0
        signedWithRequestTimestamp = 0
        reusedTimestamps = LogRecordTally()
        reuseWindowMs = 60_000
        timestampSkewLimitMs = 1000
        skewedTimestamps = LogRecordTally()
        worstTimestampSkew = nil
        timestampRejections = LogRecordTally()
        clockOffsetCoverage = RequestFieldCoverage(field: "clock_offset_ms")
        privateInflight = RequestInflightFacts()
        publicInflight = RequestInflightFacts()
        fieldCoverage = Self.requiredFields.map { RequestFieldCoverage(field: $0) }
        offsetAlerts = ClockOffsetAlertFacts()
    }
}
