import PreflightModel

/// The most requests of one class in flight at once, from request intervals [time - latency_ms, time).
///
/// Records arrive roughly in order of their end (the log time). The most intervals overlapping at any
/// moment is reached at some interval's start, so each buffered interval keeps how many intervals hold
/// its start; a newcomer adds itself to every buffered interval whose start it holds. An interval is
/// settled once it ended before the newest one minus the longest latency seen (capped), when the buffer
/// is full, or when the log moves to another file (another process, perhaps).
struct InflightOverlapTracker {
    private struct Interval {
        var start: Int64
        var end: Int64
        var position: LogPosition
        var inFlightAtStart: Int
    }

    static let capacity = 256
    static let latencyHorizonNanoseconds: Int64 = 60_000_000_000

    let cap: Int
    let className: String
    private var buffer: [Interval] = []
    private var head = 0
    private var longestLatency: Int64 = 0
    private var fileIndex = -1
    private(set) var maximum = RequestPositionedMaximum()
    private(set) var overCap = CitedPositions()

    init(cap: Int, className: String) {
        self.cap = cap
        self.className = className
    }

    mutating func add(end: LogInstant, latencyMs: Double, position: LogPosition) {
        guard latencyMs.isFinite, latencyMs > 0 else { return }
        if position.fileIndex != fileIndex {
            settleAll()
            fileIndex = position.fileIndex
        }
        let latency = min(Int64(latencyMs * 1_000_000), Self.latencyHorizonNanoseconds)
        let end = end.nanoseconds, start = end &- latency
        longestLatency = max(longestLatency, latency)
        while head < buffer.count, buffer[head].end < end &- longestLatency { settle(head) }

        var inFlight = 1
        for index in head..<buffer.count {
            let other = buffer[index]
            if other.start <= start, start < other.end { inFlight += 1 }
            if start <= other.start, other.start < end { buffer[index].inFlightAtStart += 1 }
        }
        buffer.append(Interval(start: start, end: end, position: position, inFlightAtStart: inFlight))
        if buffer.count - head > Self.capacity { settle(head) }
        if head > 256, head * 2 > buffer.count {
            buffer.removeFirst(head)
            head = 0
        }
    }

    mutating func settleAll() {
        while head < buffer.count { settle(head) }
        buffer.removeAll(keepingCapacity: true)
        head = 0
    }

    private mutating func settle(_ index: Int) {
        let interval = buffer[index]
        head = index + 1
        maximum.offer(Double(interval.inFlightAtStart), at: interval.position)
        if interval.inFlightAtStart > cap {
            overCap.record(interval.position, "\(interval.inFlightAtStart) \(className) requests in flight when it was sent")
        }
    }
}
