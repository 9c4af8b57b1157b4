import PreflightModel

/// The delays before one attempt number: exact count, minimum and maximum, and a bounded uniform
/// sample (deterministic, so a report is reproducible) for the median.
struct DelayReservoir {
    static let capacity = 256
    private(set) var count = 0
    private(set) var minMs = Double.infinity
    private(set) var maxMs = -Double.infinity
    private var sample: [Double] = []
    private var examples: [LogPosition] = []
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func add(_ delayMs: Double, at position: LogPosition) {
        count += 1
        minMs = min(minMs, delayMs)
        maxMs = max(maxMs, delayMs)
        if examples.count < LogRecordTally.sampleLimit { examples.append(position) }
        if sample.count < Self.capacity {
            sample.append(delayMs)
        } else {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let slot = Int((state >> 33) % UInt64(count))
            if slot < Self.capacity { sample[slot] = delayMs }
        }
    }

    func distribution(attempt: Int, in scan: LogScan) -> RetryDelayDistribution {
        let sorted = sample.sorted()
        let median: Double
        if sorted.isEmpty {
            median = 0
        } else if sorted.count % 2 == 1 {
            median = sorted[sorted.count / 2]
        } else {
            median = (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        return RetryDelayDistribution(
            attempt: attempt, count: count, minMs: count > 0 ? minMs : 0, maxMs: count > 0 ? maxMs : 0,
            medianMs: median, examples: examples.map { scan.location(of: $0) }
        )
    }
}
