import PreflightModel

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
