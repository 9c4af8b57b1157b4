import PreflightModel

/// A count of records with the first few positions (and what was seen there), kept as positions
/// while streaming and turned into file:line at finish.
struct CitedPositions {
    private(set) var count = 0
    private var positions: [LogPosition] = []
    private var details: [String?] = []

    /// `detail` is only worked out for the records that are kept as examples.
    mutating func record(_ position: LogPosition, _ detail: @autoclosure () -> String? = nil) {
        count += 1
        guard positions.count < LogRecordTally.sampleLimit else { return }
        positions.append(position)
        details.append(detail())
    }

    func tally(in scan: LogScan, field: String? = nil) -> LogRecordTally {
        LogRecordTally(
            count: count,
            samples: zip(positions, details).map { LogSample(scan.location(of: $0, field: field), detail: $1) }
        )
    }
}
