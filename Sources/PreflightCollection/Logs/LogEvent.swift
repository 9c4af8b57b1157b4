import PreflightModel

/// One log record normalised into an event preflight understands. A value that is `nil` was
/// absent or unreadable; `fields` tells which keys the record carried at all.
public struct LogEvent: Sendable {
    public var kind: LogEventKind
    public var time: LogInstant
    public var position: LogPosition
    public var fields: LogFieldSet
    public var level: LogLevel?

    // api_request, order_submit, order_cancel
    public var endpoint: String?
    public var method: String?
    public var status: Int?
    /// Numeric codes keep their decimal spelling (`-1021`); text codes as written (`EAPI:Invalid nonce`).
    public var errorCode: String?
    public var attempt: Int?
    /// The attempt number was worked out from a countdown of retries left ("Retrying still for 3 times"),
    /// which assumes the caller's retry budget: a lower bound, not a count.
    public var attemptFromCountdown = false
    /// The record itself says the request is retried next ("Retrying still for 3 times"), whether or not the
    /// retry is logged.
    public var retryFollows = false
    /// How long the request took; for `resync`, how long the resync took.
    public var latencyMs: Double?
    public var concurrencyInflight: Int?
    public var signed: Bool?
    /// The timestamp the signed request carried (not the record's own time).
    public var requestTimestamp: LogInstant?
    public var recvWindowMs: Double?
    public var clockOffsetMs: Double?
    /// As the HTTP header gives it: seconds.
    public var retryAfterSeconds: Double?
    public var requestID: String?
    public var clientOrderID: String?
    /// The record's format has no place for a client order id (freqtrade's text writes the exchange's order id):
    /// its absence says nothing about what was sent.
    public var formatOmitsClientOrderID = false

    // websocket events
    public var stream: String?
    public var closeCode: Int?
    public var lastMessageAgoMs: Double?
    public var uptimeSeconds: Double?
    public var sequence: Int64?
    public var firstUpdateID: Int64?
    public var lastUpdateID: Int64?
    public var prevUpdateID: Int64?
    /// The message type said `snapshot` (a sequence reset, not a gap).
    public var isSnapshot: Bool?

    // resync, circuit_breaker
    public var resyncItems: Int?
    public var resyncMode: String?
    public var breakerState: String?

    public init(kind: LogEventKind, time: LogInstant, position: LogPosition) {
        self.kind = kind
        self.time = time
        self.position = position
        fields = LogFieldSet()
    }
}
