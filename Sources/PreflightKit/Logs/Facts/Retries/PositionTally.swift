import PreflightModel

/// A count with the first few positions (and what happened there), turned into file:line at finish.
struct PositionTally {
    private(set) var count = 0
    private var samples: [(position: LogPosition, detail: String?)] = []

    mutating func record(_ position: LogPosition, _ detail: @autoclosure () -> String? = nil) {
        count += 1
        if samples.count < RetryLogTally.sampleLimit { samples.append((position, detail())) }
    }

    func tally(in scan: LogScan) -> RetryLogTally {
        RetryLogTally(count: count, samples: samples.map { LogSample(scan.location(of: $0.position), detail: $0.detail) })
    }
}
