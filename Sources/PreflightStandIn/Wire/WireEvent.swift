/// One thing the stand-in saw on the wire, as preflight's canonical log event seen from the exchange:
/// a request and the answer it got, a stream connecting or ending, a phase starting or ending.
public struct WireEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case apiRequest = "api_request"
        case wsConnect = "ws_connect"
        case wsReconnectAttempt = "ws_reconnect_attempt"
        case wsDisconnect = "ws_disconnect"
        case phaseStart = "phase_start"
        case phaseEnd = "phase_end"
        /// The drill SIGKILLed the bot (`detail`: the orders it left open).
        case botKill = "bot_kill"
        /// The drill started the bot's command again (`detail`: its process id). Written as a startup record,
        /// so the wire's fact builders start its streams afresh, as the new process does.
        case botStart = "startup"
        case killSwitchEngage = "kill_switch_engage"
        case killSwitchRelease = "kill_switch_release"
        /// The drill asked the bot's health endpoint (`status`, `latency_ms`; `detail`: the body's digest).
        case healthPoll = "health_poll"
    }

    /// Wall-clock time the request arrived (not the stand-in's skewed clock), nanoseconds since the epoch.
    public var timeNanoseconds: Int64
    public var kind: Kind
    public var endpoint: String?
    public var method: String?
    /// The HTTP status answered; nil when no answer left (the connection was dropped).
    public var status: Int?
    /// Binance's code in the answer, or `response_lost_timeout` when the answer was withheld.
    public var errorCode: String?
    public var latencyMs: Double?
    /// Requests of the same class in flight when this one arrived, itself included.
    public var inflight: Int?
    public var signed: Bool?
    public var requestTimestamp: Int64?
    public var recvWindow: Int64?
    public var clientOrderID: String?
    /// The Retry-After the answer carried, seconds.
    public var retryAfterSeconds: Int?
    /// The request's chain (WireChains): its fingerprint (method, path, parameters without timestamp and
    /// signature), numbered after the first chain; a retry carries the id of the request it repeats.
    public var requestID: String?
    /// The attempt within the chain, from 1.
    public var attempt: Int?
    /// For a signed request: the wall clock minus the stand-in's (stepped) clock, ms.
    public var clockOffsetMs: Int64?
    /// A new order (POST /api/v3/order and its kin); not written to the record, which says it by endpoint.
    public var isOrderPlacement = false
    /// For a depth snapshot: the number of levels asked for (Binance's default 100).
    public var snapshotLimit: Int?
    public var phase: String?
    /// The fault that shaped the answer, by its scenario name.
    public var injected: String?
    public var stream: String?
    public var closeCode: Int?
    public var connection: Int?
    /// For a placement: the order was booked (also when its answer was lost).
    public var orderID: Int64?
    /// For a placement: the order repeats one whose answer was lost, under another client order id.
    public var duplicateOfOrderID: Int64?
    /// Why: "lost_response" or "crash".
    public var duplicateCause: String?
    /// What the drill did or saw, for its own events (bot_kill, health_poll …).
    public var detail: String?

    public init(timeNanoseconds: Int64, kind: Kind) {
        self.timeNanoseconds = timeNanoseconds
        self.kind = kind
    }

    /// The canonical JSON line (docs/logs.md), with the wire-only fields after the canonical ones.
    public var jsonLine: String {
        var members = [#""ts":\#(timeNanoseconds / 1_000_000)"#, #""event":"\#(kind.rawValue)""#]
        func add(_ name: String, _ value: String?) { if let value { members.append(#""\#(name)":\#(value)"#) } }
        func text(_ value: String?) -> String? { value.map(JSONText.quoted) }
        add("endpoint", text(endpoint))
        add("method", text(method))
        add("status", status.map(String.init))
        add("error_code", text(errorCode))
        add("latency_ms", latencyMs.map { String(Double(Int64(($0 * 1000).rounded())) / 1000) })
        add("concurrency_inflight", inflight.map(String.init))
        add("signed", signed.map { "\($0)" })
        add("request_timestamp", requestTimestamp.map(String.init))
        add("recv_window", recvWindow.map(String.init))
        add("clock_offset_ms", clockOffsetMs.map(String.init))
        add("client_order_id", text(clientOrderID))
        add("retry_after", retryAfterSeconds.map(String.init))
        add("attempt", attempt.map(String.init))
        add("request_id", text(requestID))
        add("stream", text(stream))
        add("close_code", closeCode.map(String.init))
        add("phase", text(phase))
        add("injected", text(injected))
        add("connection", connection.map(String.init))
        add("order_id", orderID.map(String.init))
        add("snapshot_limit", snapshotLimit.map(String.init))
        add("duplicate_of_order_id", duplicateOfOrderID.map(String.init))
        add("duplicate_cause", text(duplicateCause))
        add("detail", text(detail))
        return "{" + members.joined(separator: ",") + "}"
    }
}
