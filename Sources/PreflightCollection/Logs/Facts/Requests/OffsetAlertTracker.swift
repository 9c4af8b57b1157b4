import PreflightModel

/// Follows logged clock offsets against the alert threshold. A run of consecutive records above the
/// threshold is one crossing, and it counts as alerted when an alert record lies within the window
/// before or after its first record.
struct OffsetAlertTracker {
    private struct Crossing {
        var start: LogInstant
        var position: LogPosition
        var offsetMs: Double
        var alerted: Bool
    }

    let thresholdMs: Double?
    let windowNanoseconds: Int64
    private(set) var recordsWithOffset = 0
    private(set) var worst = RequestPositionedMaximum()
    private(set) var crossings = 0
    private(set) var unalerted = CitedPositions()
    private(set) var alertRecords = 0
    private var lastAlert: LogInstant?
    private var open: Crossing?

    init(thresholdMs: Double?, windowMs: Double) {
        self.thresholdMs = thresholdMs
        windowNanoseconds = Int64(windowMs * 1_000_000)
    }

    mutating func offset(_ offsetMs: Double, time: LogInstant, position: LogPosition) {
        recordsWithOffset += 1
        worst.offer(abs(offsetMs), at: position)
        guard let thresholdMs else { return }
        guard abs(offsetMs) > thresholdMs else {
            close()
            return
        }
        guard open == nil else { return }
        crossings += 1
        let alerted = lastAlert.map { abs(time.nanoseconds &- $0.nanoseconds) <= windowNanoseconds } ?? false
        open = Crossing(start: time, position: position, offsetMs: offsetMs, alerted: alerted)
    }

    mutating func alert(time: LogInstant) {
        alertRecords += 1
        lastAlert = time
        if var crossing = open, !crossing.alerted, time.nanoseconds &- crossing.start.nanoseconds <= windowNanoseconds {
            crossing.alerted = true
            open = crossing
        }
    }

    mutating func close() {
        if let crossing = open, !crossing.alerted, let thresholdMs {
            unalerted.record(
                crossing.position,
                "offset \(NumberText.whole(crossing.offsetMs)) ms beyond the \(Int(thresholdMs)) ms alert threshold, no alert record"
            )
        }
        open = nil
    }
}
