import PreflightModel

/// A field preflight reads from a log record. Raw values are the canonical names that the
/// manifest's `logs.fields` aliases (`LogsSection.canonicalFields`).
public enum LogField: String, Sendable, CaseIterable {
    case time, level, message, event, endpoint, method, status
    case errorCode = "error_code"
    case attempt
    case latencyMs = "latency_ms"
    case concurrencyInflight = "concurrency_inflight"
    case signed
    case requestTimestamp = "request_timestamp"
    case recvWindow = "recv_window"
    case clockOffsetMs = "clock_offset_ms"
    case retryAfter = "retry_after"
    case requestID = "request_id"
    case clientOrderID = "client_order_id"
    case stream
    case closeCode = "close_code"
    case lastMessageAgoMs = "last_message_ago_ms"
    case uptimeSeconds = "uptime_seconds"
    case sequence
    case firstUpdateID = "first_update_id"
    case lastUpdateID = "last_update_id"
    case prevUpdateID = "prev_update_id"
    case messageType = "message_type"
    case resyncItems = "resync_items"
    case resyncMode = "resync_mode"
    case breakerState = "breaker_state"

    /// Position in declaration order, for slot arrays and bit sets (kept in step by a test).
    var index: Int {
        switch self {
        case .time: 0
        case .level: 1
        case .message: 2
        case .event: 3
        case .endpoint: 4
        case .method: 5
        case .status: 6
        case .errorCode: 7
        case .attempt: 8
        case .latencyMs: 9
        case .concurrencyInflight: 10
        case .signed: 11
        case .requestTimestamp: 12
        case .recvWindow: 13
        case .clockOffsetMs: 14
        case .retryAfter: 15
        case .requestID: 16
        case .clientOrderID: 17
        case .stream: 18
        case .closeCode: 19
        case .lastMessageAgoMs: 20
        case .uptimeSeconds: 21
        case .sequence: 22
        case .firstUpdateID: 23
        case .lastUpdateID: 24
        case .prevUpdateID: 25
        case .messageType: 26
        case .resyncItems: 27
        case .resyncMode: 28
        case .breakerState: 29
        }
    }

    /// The names common loggers and bots use for this field, best first. When a record holds two
    /// of them (python-json-logger's `created` and `asctime`), the earlier one wins.
    public var defaultNames: [String] {
        switch self {
        // pino `time` (epoch ms), zerolog `time`, zap `ts`, python-json-logger `created` / `asctime`.
        case .time: ["time", "ts", "timestamp", "@timestamp", "created", "asctime"]
        // pino's numeric level, python-json-logger's `levelname`.
        case .level: ["level", "lvl", "levelname", "severity"]
        // pino and zap `msg`, zerolog `message`.
        case .message: ["msg", "message"]
        // structlog writes its message under `event`, which is how bots usually name the event kind.
        case .event: ["event", "event_kind", "event_type", "evt"]
        case .endpoint: ["endpoint", "path", "url", "route"]
        case .method: ["method", "http_method", "verb"]
        case .status: ["status", "status_code", "http_status", "statusCode"]
        case .errorCode: ["error_code", "errorCode", "err_code", "code"]
        case .attempt: ["attempt", "attempt_number", "try"]
        case .latencyMs: ["latency_ms", "duration_ms", "elapsed_ms", "took_ms", "response_time_ms"]
        case .concurrencyInflight: ["concurrency_inflight", "inflight", "in_flight"]
        case .signed: ["signed", "is_signed", "private"]
        case .requestTimestamp: ["request_timestamp", "request_ts", "req_ts"]
        case .recvWindow: ["recv_window", "recvWindow", "recv_window_ms"]
        case .clockOffsetMs: ["clock_offset_ms", "clock_offset", "time_offset_ms", "offset_ms"]
        case .retryAfter: ["retry_after", "retry_after_s", "retryAfter"]
        case .requestID: ["request_id", "requestId", "req_id", "reqId"]
        case .clientOrderID:
            ["client_order_id", "clientOrderId", "newClientOrderId", "origClientOrderId", "orderLinkId", "clOrdId",
             "cl_ord_id"]
        case .stream: ["stream", "channel", "topic"]
        case .closeCode: ["close_code", "closeCode", "ws_close_code"]
        case .lastMessageAgoMs: ["last_message_ago_ms", "last_msg_ago_ms", "silence_ms"]
        case .uptimeSeconds: ["uptime_seconds", "uptime_s", "uptime"]
        // Bybit `seq`, OKX `seqId`, Coinbase `sequence_num`.
        case .sequence: ["sequence", "seq", "seqId", "seq_id", "sequence_num"]
        // Binance depth `U` / `u` / `pu`; OKX's `prevSeqId` plays the part of `pu`.
        case .firstUpdateID: ["first_update_id", "U"]
        case .lastUpdateID: ["last_update_id", "u"]
        case .prevUpdateID: ["prev_update_id", "pu", "prevSeqId", "prev_seq_id"]
        // Bybit `type` and OKX `action`: `snapshot` or a delta.
        case .messageType: ["message_type", "type", "action"]
        case .resyncItems: ["resync_items", "items"]
        case .resyncMode: ["resync_mode", "mode"]
        case .breakerState: ["breaker_state", "state"]
        }
    }
}
