import PreflightModel

/// A count with the first few positions (and what was seen there), turned into file:line at finish.
struct RequestPositionTally {
    private(set) var count = 0
    private var examples: [(position: LogPosition, detail: String?)] = []

    mutating func record(_ position: LogPosition, _ detail: @autoclosure () -> String? = nil) {
        count += 1
        if examples.count < RequestLogTally.exampleLimit { examples.append((position, detail())) }
    }

    func tally(in scan: LogScan, field: String? = nil) -> RequestLogTally {
        RequestLogTally(count: count, examples: examples.map { LogSample(scan.location(of: $0.position, field: field), detail: $0.detail) })
    }
}

/// The largest value seen so far and where.
struct RequestPositionedMaximum {
    private(set) var value: Double?
    private var position = LogPosition(fileIndex: 0, line: 0)

    mutating func offer(_ candidate: Double, at position: LogPosition) {
        if let value, value >= candidate { return }
        value = candidate
        self.position = position
    }

    func extreme(in scan: LogScan, field: String? = nil) -> RequestLogExtreme? {
        value.map { RequestLogExtreme(value: $0, location: scan.location(of: position, field: field)) }
    }
}
