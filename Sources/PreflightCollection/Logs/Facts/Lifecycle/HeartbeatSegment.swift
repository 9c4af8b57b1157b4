import PreflightModel

/// The heartbeats of one log file: gaps are measured within a file, then between files in time order
/// (rotated files are often named newest first).
struct HeartbeatSegment {
    var first: LogInstant
    var firstPosition: LogPosition
    var last: LogInstant
    var lastPosition: LogPosition
    var longestGapMs: Double = 0
    var longestGapPosition: LogPosition?

    init(_ time: LogInstant, _ position: LogPosition) {
        first = time
        firstPosition = position
        last = time
        lastPosition = position
    }
}
