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
    /// A request sent again (same request id or client order id, or a later attempt) with the timestamp it
    /// already carried, within `reuseWindowMs`; on Kraken, any nonce sent twice.
    public var reusedTimestamps: LogRecordTally
    /// Kraken: a nonce lower than one the bot had already sent (the counter went backwards).
    public var decreasingNonces: LogRecordTally
    public var reuseWindowMs: Double
    /// The policy's timestamp_skew_ms the tally below was counted against.
    public var timestampSkewLimitMs: Double
    public var skewedTimestamps: LogRecordTally
    /// The largest distance between a request timestamp and the moment the request was sent.
    public var worstTimestampSkew: RequestLogExtreme?
    /// Timestamp-window rejections (Binance -1021, Bybit 10002, OKX 50102, Kraken EAPI:Invalid nonce) of a
    /// request whose timestamp was stale or reused when it was sent: the bot's signing is at fault.
    public var staleTimestampRejections: LogRecordTally
    /// Rejections of a request whose logged timestamp agreed with the record's time: the clocks disagree.
    public var freshTimestampRejections: LogRecordTally
    /// Rejections of a request that logged no timestamp: which of the two cannot be told.
    public var unstampedTimestampRejections: LogRecordTally

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
        decreasingNonces = LogRecordTally()
        reuseWindowMs = 60_000
        timestampSkewLimitMs = 1000
        skewedTimestamps = LogRecordTally()
        worstTimestampSkew = nil
        staleTimestampRejections = LogRecordTally()
        freshTimestampRejections = LogRecordTally()
        unstampedTimestampRejections = LogRecordTally()
        clockOffsetCoverage = RequestFieldCoverage(field: "clock_offset_ms")
        privateInflight = RequestInflightFacts()
        publicInflight = RequestInflightFacts()
        fieldCoverage = Self.requiredFields.map { RequestFieldCoverage(field: $0) }
        offsetAlerts = ClockOffsetAlertFacts()
    }
}
