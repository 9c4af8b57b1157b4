import PreflightModel

/// Running minimum, maximum and sum of the delays before one attempt number.
struct ReconnectDelayAccumulator {
    let attempt: Int
    private(set) var count = 0
    private var minMs = Double.infinity
    private var maxMs = -Double.infinity
    private var sumMs = 0.0
    private var example: LogPosition?

    init(attempt: Int) { self.attempt = attempt }

    mutating func add(_ delayMs: Double, at position: LogPosition) {
        count += 1
        minMs = min(minMs, delayMs)
        maxMs = max(maxMs, delayMs)
        sumMs += delayMs
        if example == nil { example = position }
    }

    func stats(in scan: LogScan) -> ReconnectDelayStats {
        ReconnectDelayStats(
            attempt: attempt, count: count, minMs: minMs, maxMs: maxMs, sumMs: sumMs,
            example: example.map { scan.location(of: $0) }
        )
    }
}
