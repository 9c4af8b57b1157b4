import PreflightModel

/// The faults a drill has armed, and what each has done so far: how many answers it still owes, the
/// Retry-After window it opened, the violations counted in it, the ban they led to.
struct FaultBoard: Sendable {
    /// What kind of request this is, for the faults' scopes.
    struct Traits: Sendable {
        var isOrderPlacement: Bool
        var isOrderChange: Bool
        var isSigned: Bool
        var isMarketData: Bool

        func inScope(_ scope: EndpointScope) -> Bool {
            switch scope {
            case .all: true
            case .orders: isOrderChange
            case .signed: isSigned
            case .market: isMarketData
            }
        }
    }

    /// What an armed fault does to one request.
    enum Decision: Sendable {
        /// Answer with this Binance error instead of the normal answer.
        case reject(BinanceError)
        /// Book the order, then close the connection without answering.
        case bookThenDrop
    }

    private struct Armed: Sendable {
        var fault: InjectedFault
        var phase: String
        var remaining: Int
        var live = true
        var windowUntilMs: Int64 = 0
        var violations = 0
        var banUntilMs: Int64 = 0
    }

    private var armed: [Armed] = []

    /// Arms `fault` for `phase`. A ban starts at once.
    mutating func arm(_ fault: InjectedFault, phase: String, nowMs: Int64) {
        var entry = Armed(fault: fault, phase: phase, remaining: 0)
        switch fault {
        case .rateLimit(_, let requests, _, _, _), .platformError(_, let requests, _, _), .lostResponse(let requests),
             .validation(let requests, _):
            entry.remaining = requests
        case .crash(.lostResponse):
            entry.remaining = 1
        case .ban(let seconds):
            entry.banUntilMs = nowMs + Int64(seconds) * 1000
        default:
            break
        }
        armed.append(entry)
    }

    /// Ends the phase's faults; a ban they started runs out on its own time, as the exchange's would.
    mutating func disarm(phase: String, nowMs: Int64) {
        for index in armed.indices where armed[index].phase == phase { armed[index].live = false }
        armed.removeAll { !$0.live && $0.banUntilMs <= nowMs }
    }

    func isArmed(_ name: String) -> Bool { armed.contains { $0.live && $0.fault.name == name } }

    var extraLatencyMs: Int {
        armed.reduce(0) { total, entry in
            if entry.live, case .slow(let milliseconds) = entry.fault { return total + milliseconds }
            return total
        }
    }

    /// What the armed faults do to this request, and the name of the fault that did it.
    mutating func decide(_ traits: Traits, nowMs: Int64) -> (decision: Decision, fault: String)? {
        if let ban = banned(nowMs: nowMs) { return (.reject(ban), "ban") }
        for index in armed.indices where armed[index].live {
            if let decision = decide(index, traits, nowMs: nowMs) { return (decision, armed[index].fault.name) }
        }
        return nil
    }

    private func banned(nowMs: Int64) -> BinanceError? {
        guard let until = armed.map(\.banUntilMs).max(), until > nowMs else { return nil }
        let seconds = Int((until - nowMs + 999) / 1000)
        return BinanceError(
            status: 418, code: -1003,
            message: "Way too much request weight used; IP banned until \(until). Please use WebSocket Streams for live updates to avoid bans.",
            outcome: "IP banned", headers: [("Retry-After", "\(seconds)")]
        )
    }

    private mutating func decide(_ index: Int, _ traits: Traits, nowMs: Int64) -> Decision? {
        switch armed[index].fault {
        case .maintenance:
            return .reject(BinanceError(status: 503, code: -1001, message: "Internal error; unable to process your request. Please try again.", outcome: "maintenance"))
        case .rateLimit(let scope, _, let retryAfter, let banAfter, let banSeconds) where traits.inScope(scope):
            return rateLimited(index, retryAfter: retryAfter, banAfter: banAfter, banSeconds: banSeconds, nowMs: nowMs)
        case .authRevoked where traits.isSigned:
            return .reject(.unknownKey)
        case .platformError(let scope, _, let status, let timeout) where traits.inScope(scope) && armed[index].remaining > 0:
            armed[index].remaining -= 1
            return .reject(timeout
                ? BinanceError(status: status, code: -1007, message: "Timeout waiting for response from backend server. Send status unknown; execution status unknown.", outcome: "backend timeout")
                : BinanceError(status: status, code: -1000, message: "An unknown error occurred while processing the request.", outcome: "internal error"))
        case .lostResponse where traits.isOrderPlacement && armed[index].remaining > 0,
             .crash(.lostResponse) where traits.isOrderPlacement && armed[index].remaining > 0:
            armed[index].remaining -= 1
            return .bookThenDrop
        case .validation(_, let code) where traits.isOrderPlacement && armed[index].remaining > 0:
            armed[index].remaining -= 1
            return .reject(code == -1111 ? .tooPrecise : .filterFailure("LOT_SIZE"))
        default:
            return nil
        }
    }

    /// Inside an open Retry-After window a request is a violation (429 again, or 418 once they are too
    /// many); outside it, the fault's next 429 opens a new window while it has answers left.
    private mutating func rateLimited(_ index: Int, retryAfter: Int, banAfter: Int, banSeconds: Int, nowMs: Int64) -> Decision? {
        if nowMs < armed[index].windowUntilMs {
            armed[index].violations += 1
            if armed[index].violations >= banAfter {
                armed[index].banUntilMs = nowMs + Int64(banSeconds) * 1000
                armed[index].windowUntilMs = 0
                return banned(nowMs: nowMs).map(Decision.reject)
            }
            return .reject(Self.tooManyRequests(retryAfter: Int((armed[index].windowUntilMs - nowMs + 999) / 1000)))
        }
        guard armed[index].remaining > 0 else { return nil }
        armed[index].remaining -= 1
        armed[index].windowUntilMs = nowMs + Int64(retryAfter) * 1000
        return .reject(Self.tooManyRequests(retryAfter: retryAfter))
    }

    static func tooManyRequests(retryAfter: Int) -> BinanceError {
        BinanceError(
            status: 429, code: -1003,
            message: "Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.",
            outcome: "rate limited", headers: [("Retry-After", "\(max(1, retryAfter))")]
        )
    }
}
