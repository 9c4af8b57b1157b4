import PreflightModel

/// B3 (and C3's budget): how many attempts each request made, counted as chains close.
struct AttemptCounter {
    private var facts = RetryAttemptFacts()
    private var histogram = [Int](repeating: 0, count: RetryAttemptFacts.histogramCap + 1)
    private var most = TopChains()
    private var platformHistogram: [Int: Int] = [:]
    private var mostPlatform = TopChains()

    mutating func count(_ event: LogEvent) {
        facts.requests += 1
        if event.requestID != nil || event.clientOrderID != nil || event.attempt != nil { facts.linkableRequests += 1 }
        if event.attemptFromCountdown { facts.countdownNumberedRequests += 1 }
    }

    mutating func retried(_ chain: RetryChain) {
        if !chain.retried { facts.retriedChains += 1 }
    }

    /// A request of its own: no chain was kept for it.
    mutating func closeSingle(_ event: LogEvent) {
        let attempts = max(1, event.attempt ?? 1)
        facts.chains += 1
        histogram[min(attempts, RetryAttemptFacts.histogramCap)] += 1
        if most.accepts(attempts) { most.offer(attempts: attempts, endpoint: event.endpoint, position: event.position) }
    }

    mutating func close(_ chain: RetryChain) {
        facts.chains += 1
        histogram[min(chain.attempts, RetryAttemptFacts.histogramCap)] += 1
        most.offer(chain)
        if chain.metPlatformFailure {
            platformHistogram[min(chain.attempts, RetryAttemptFacts.histogramCap), default: 0] += 1
            mostPlatform.offer(chain)
        }
    }

    func attemptFacts(in scan: LogScan) -> RetryAttemptFacts {
        var facts = facts
        facts.histogram = Dictionary(
            uniqueKeysWithValues: histogram.enumerated().filter { $0.element > 0 }.map { ($0.offset, $0.element) }
        )
        facts.mostAttempts = most.examples(in: scan)
        return facts
    }

    /// The chains that met a platform failure, for C3.
    func platformChains(in scan: LogScan) -> (attempts: [Int: Int], most: [RetryChainExample]) {
        (platformHistogram, mostPlatform.examples(in: scan))
    }
}
