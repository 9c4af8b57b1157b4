import PreflightModel

/// B4: the delays before each attempt number, across chains, in bounded reservoirs.
struct RetryDelays {
    static let attemptLimit = 16
    private var reservoirs: [Int: DelayReservoir] = [:]

    mutating func add(_ delayMs: Double, beforeAttempt attempt: Int, at position: LogPosition) {
        guard attempt <= Self.attemptLimit else { return }
        reservoirs[attempt, default: DelayReservoir()].add(delayMs, at: position)
    }

    func distributions(in scan: LogScan) -> [RetryDelayDistribution] {
        reservoirs.keys.sorted().compactMap { reservoirs[$0]?.distribution(attempt: $0, in: scan) }
    }
}
