/// The kinds of record preflight understands in a bot's logs (product.md, "Log samples").
public enum LogEventKind: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
    case apiRequest = "api_request"
    case wsConnect = "ws_connect"
    case wsReconnectAttempt = "ws_reconnect_attempt"
    case wsDisconnect = "ws_disconnect"
    case wsMessage = "ws_message"
    case wsGap = "ws_gap"
    case resync
    case orderSubmit = "order_submit"
    case orderCancel = "order_cancel"
    case startup
    case reconcile
    case killSwitch = "kill_switch"
    case circuitBreaker = "circuit_breaker"
    case escalation
    case heartbeat
}
