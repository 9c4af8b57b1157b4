import PreflightModel

/// Links each request record to the attempts before it: by request id, else client order id, else endpoint
/// and method with an attempt number. Only chains whose last attempt failed stay open (a success closes its
/// chain at once); they are capped, and evicted by age, so memory does not grow with the log.
struct RetryChainLinker {
    /// A chain untouched this long is over: the next attempt with its key starts a new request.
    static let horizonNanoseconds: Int64 = 300_000_000_000
    static let openLimit = 4096

    private var open: [Int: RetryChain] = [:]
    private var nextSerial: UInt64 = 0

    var isEmpty: Bool { open.isEmpty }

    func chain(for key: Int?) -> RetryChain? { key.flatMap { open[$0] } }

    /// Whether `event` is the next attempt of `chain`: soon enough, and numbered after it (or not numbered).
    static func continues(_ chain: RetryChain, with event: LogEvent) -> Bool {
        let fresh = event.time.nanoseconds &- chain.lastTime.nanoseconds <= horizonNanoseconds
        return fresh && (event.attempt.map { $0 > chain.lastAttempt } ?? true)
    }

    mutating func start(_ event: LogEvent) -> RetryChain {
        nextSerial += 1
        let attempt = max(1, event.attempt ?? 1)
        return RetryChain(
            serial: nextSerial, attempts: attempt, lastAttempt: attempt, lastTime: event.time,
            lastPosition: event.position, endpoint: event.endpoint
        )
    }

    /// Keeps a chain whose last attempt failed open; returns the chains evicted to make room.
    mutating func keepOpen(_ chain: RetryChain, key: Int, now: LogInstant) -> [RetryChain] {
        open[key] = chain
        return open.count > Self.openLimit ? evict(now: now) : []
    }

    mutating func remove(_ key: Int) { open[key] = nil }

    /// Every chain still open, oldest first: the end of the logs closes them.
    mutating func drain() -> [RetryChain] {
        defer { open = [:] }
        return open.values.sorted { $0.serial < $1.serial }
    }

    /// Closes chains idle past the horizon; if that is not enough, the oldest half.
    private mutating func evict(now: LogInstant) -> [RetryChain] {
        let horizon = now.nanoseconds &- Self.horizonNanoseconds
        var stale = open.filter { $0.value.lastTime.nanoseconds < horizon }
        if open.count - stale.count > Self.openLimit * 3 / 4 {
            let oldest = open.sorted { $0.value.lastTime < $1.value.lastTime }.prefix(open.count / 2)
            stale = Dictionary(uniqueKeysWithValues: oldest.map { ($0.key, $0.value) })
        }
        for key in stale.keys { open[key] = nil }
        return stale.values.sorted { $0.serial < $1.serial }
    }
}
