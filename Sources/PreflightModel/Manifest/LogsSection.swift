/// Where the bot's logs are and how their fields are named.
public struct LogsSection: Codable, Sendable {
    public enum Format: String, Codable, Sendable, CaseIterable, ManifestSpelling {
        case auto, jsonl, logfmt
        /// freqtrade's plain text: `%(asctime)s - %(name)s - %(levelname)s - %(message)s`.
        case freqtrade
        /// hummingbot's plain text: the same with the process id after the time.
        case hummingbot
    }

    public enum TimeFormat: String, Codable, Sendable, CaseIterable, ManifestSpelling {
        case auto, iso8601
        case epochSeconds = "epoch_s"
        case epochMillis = "epoch_ms"
        case epochMicros = "epoch_us"
        case epochNanos = "epoch_ns"
    }

    /// The field names preflight understands; `fields` maps them to the bot's own names.
    public static let canonicalFields = [
        "time", "level", "message", "event", "endpoint", "method", "status", "error_code", "attempt",
        "latency_ms", "concurrency_inflight", "signed", "request_timestamp", "recv_window", "clock_offset_ms",
        "retry_after", "request_id", "client_order_id", "stream", "close_code", "last_message_ago_ms",
        "uptime_seconds", "sequence", "first_update_id", "last_update_id", "prev_update_id", "message_type",
        "resync_items", "resync_mode", "breaker_state",
    ]

    /// The event kinds preflight understands; `events` maps them to the bot's own names.
    public static let canonicalEvents = [
        "api_request", "ws_connect", "ws_reconnect_attempt", "ws_disconnect", "ws_message", "ws_gap", "resync",
        "order_submit", "order_cancel", "startup", "reconcile", "kill_switch", "circuit_breaker", "escalation",
        "heartbeat",
    ]

    public var paths: Located<[String]>?
    public var format: Located<Format>?
    public var timeFormat: Located<TimeFormat>?
    public var fields: [String: Located<String>]
    public var events: [String: Located<String>]

    public init() {
        fields = [:]
        events = [:]
    }
}
