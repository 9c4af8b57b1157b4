/// Links each request to the one it retries, as the exchange sees it: a request repeats an earlier one when
/// it has the same fingerprint and the earlier attempt did not settle it (an error answer, or an answer
/// lost on the wire) shortly before: within the window (10 s unless the drill says otherwise), or within
/// the Retry-After that attempt was told to wait and 2 s more.
/// A success, or an answer that settles the question ("no such order", "unknown order"), ends the chain;
/// the next request with that fingerprint starts a new one. Without this a bot polling the same ticker
/// would be one request retried for the whole drill. A window too short only loses a retry (a later
/// request counted as new), never invents one: the counts it gives are lower bounds.
struct WireChains: Sendable {
    let window: Int64

    init(windowSeconds: Double = 10) {
        window = Int64(min(max(windowSeconds, 0.1), 3600) * 1e9)
    }
    /// Binance's answers that end a query or a cancellation: asking again would not change them.
    static let settlingCodes: Set<String> = ["-2013", "-2011"]
    static let limit = 200_000

    private struct Chain: Sendable {
        var serial: Int
        var attempt: Int
        var open: Bool
        var lastNanoseconds: Int64
        var lastRetryAfterSeconds: Int
    }

    private var chains: [String: Chain] = [:]

    /// Gives the event its chain's request id (`fp-…` for a fingerprint's first chain, `fp-….2` after) and
    /// its attempt number within the chain.
    mutating func link(_ event: inout WireEvent) {
        guard let fingerprint = event.requestID else { return }
        var chain = chains[fingerprint]
            ?? Chain(serial: 0, attempt: 0, open: false, lastNanoseconds: event.timeNanoseconds, lastRetryAfterSeconds: 0)
        let toldToWait = chain.lastRetryAfterSeconds > 0 ? Int64(min(chain.lastRetryAfterSeconds, 3600) + 2) * 1_000_000_000 : 0
        let window = max(self.window, toldToWait)
        let continues = chain.open && event.timeNanoseconds - chain.lastNanoseconds <= window
        if continues {
            chain.attempt += 1
        } else {
            chain.serial += 1
            chain.attempt = 1
        }
        chain.lastNanoseconds = event.timeNanoseconds
        chain.lastRetryAfterSeconds = max(0, event.retryAfterSeconds ?? 0)
        chain.open = !Self.settles(event)
        if chains.count >= Self.limit, chains[fingerprint] == nil { chains = chains.filter(\.value.open) }
        chains[fingerprint] = chain
        event.requestID = chain.serial == 1 ? fingerprint : "\(fingerprint).\(chain.serial)"
        event.attempt = chain.attempt
    }

    private static func settles(_ event: WireEvent) -> Bool {
        if let status = event.status, (200..<300).contains(status) { return true }
        return event.errorCode.map(settlingCodes.contains) ?? false
    }
}
