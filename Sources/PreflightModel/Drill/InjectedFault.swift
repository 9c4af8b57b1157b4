/// A fault a drill phase arms on the stand-in. Each is what the exchange itself would do, in its own
/// codes and bodies, so a client meets the fault the way it would meet it live.
public enum InjectedFault: Sendable, Equatable {
    /// 429 with Retry-After on the next `requests` requests of `scope`; a request inside a Retry-After
    /// window is a violation, and after `banAfterViolations` of them the answer is 418 (an IP ban) for `banSeconds`.
    case rateLimit(scope: EndpointScope, requests: Int, retryAfterSeconds: Int, banAfterViolations: Int, banSeconds: Int)
    /// 418 with Retry-After on everything for `seconds`.
    case ban(seconds: Int)
    /// The server clock steps by `milliseconds` (negative: behind), so signed requests outside the window get -1021.
    case clockSkew(milliseconds: Int)
    /// Every signed request is answered 401 -2015.
    case authRevoked
    /// The next `requests` requests of `scope` get `status` (5xx) with Binance's internal-error body;
    /// `timeout` answers -1007 "Timeout waiting for response from backend server" instead.
    case platformError(scope: EndpointScope, requests: Int, status: Int, timeout: Bool)
    /// The next `requests` order placements are booked, then the connection closes before the answer.
    case lostResponse(requests: Int)
    /// The next `requests` order placements are rejected 400 with `code` (-1013 filter failure, -1111 precision).
    case validation(requests: Int, code: Int)
    /// Every open stream is closed (`closeCode` 1006: the TCP connection just ends) and the next
    /// `refusedReconnects` stream connections are refused with 503.
    case wsDisconnect(closeCode: Int, refusedReconnects: Int)
    /// The next depth update of every pair skips `updates` update ids.
    case sequenceGap(updates: Int)
    /// Streams stay open but send nothing (pings are still answered).
    case staleStream
    /// Every answer waits `milliseconds` before it leaves.
    case slow(milliseconds: Int)
    /// 503 on every REST request (Binance's maintenance answer).
    case maintenance
    /// The drill SIGKILLs the bot once it has an order open on the stand-in (`trigger` .lostResponse: right
    /// after the stand-in booked an order and dropped its answer), then starts the same command again.
    case crash(trigger: CrashTrigger)
    /// The drill engages the manifest's kill switch (creates the flag file, calls the admin endpoint, sends
    /// the signal) at the phase's start and releases it at its end.
    case killSwitch
    /// Names a phase in which the health endpoint's answers are looked at; the drill polls it all along.
    case health

    /// What a crash waits for before it kills the bot.
    public enum CrashTrigger: String, Sendable, Equatable, CaseIterable {
        /// Any order of the bot's open on the stand-in.
        case openOrder = "open_order"
        /// An order booked whose answer the stand-in withheld (the fault arms one lost response itself).
        case lostResponse = "lost_response"
    }

    /// The name a scenario gives the fault.
    public var name: String {
        switch self {
        case .rateLimit: "rate_limit"
        case .ban: "ban"
        case .clockSkew: "clock_skew"
        case .authRevoked: "auth_revoked"
        case .platformError: "platform_error"
        case .lostResponse: "lost_response"
        case .validation: "validation"
        case .wsDisconnect: "ws_disconnect"
        case .sequenceGap: "sequence_gap"
        case .staleStream: "stale_stream"
        case .slow: "slow"
        case .maintenance: "maintenance"
        case .crash: "crash"
        case .killSwitch: "kill_switch"
        case .health: "health"
        }
    }
}
