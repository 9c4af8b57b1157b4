import PreflightModel

/// Buckets every event in time for the report's timelines (`LogTimeline`): the width starts at 1 s and
/// doubles, merging neighbours, whenever the span would need more than `LogTimeline.bucketLimit`
/// buckets, so memory stays bounded and events may come in any order (several files).
struct TimelineLogFactsBuilder: LogFactsBuilder {
    private var width: Int64 = 1000
    private var buckets: [Int64: LogTimeline.Bucket] = [:]
    private var low = Int64.max
    private var high = Int64.min
    /// The last attempt of each request id, to measure the next one's delay (cleared when full).
    private var lastAttempt: [String: (ms: Int64, retryAfterMs: Double?)] = [:]
    private var retries: [LogTimeline.RetryPoint] = []
    private var retryStride = 1
    private var retriesSeen = 0
    private var lastHeartbeatMs: Int64?
    private var gaps: [LogTimeline.Gap] = []
    private var recvWindowMs: Double?
    static let requestMemory = 4096

    init(context: LogFactsContext) {}

    mutating func consume(_ event: LogEvent) {
        let ms = event.time.nanoseconds / 1_000_000
        guard ms > 0 else { return }
        var index = Self.floorDivide(ms, width)
        low = min(low, index)
        high = max(high, index)
        while high - low >= Int64(LogTimeline.bucketLimit) {
            widen()
            index = Self.floorDivide(ms, width)
        }
        var bucket = buckets[index] ?? LogTimeline.Bucket(index: index)
        record(event, at: ms, into: &bucket)
        buckets[index] = bucket
    }

    private mutating func record(_ event: LogEvent, at ms: Int64, into bucket: inout LogTimeline.Bucket) {
        switch event.kind {
        case .apiRequest: request(event, at: ms, into: &bucket)
        case .wsConnect: bucket.connects += 1
        case .wsDisconnect: bucket.disconnects += 1
        case .wsReconnectAttempt: bucket.reconnectAttempts += 1
        case .heartbeat: heartbeat(at: ms, into: &bucket)
        default: break
        }
    }

    private mutating func request(_ event: LogEvent, at ms: Int64, into bucket: inout LogTimeline.Bucket) {
        let isPrivate = event.signed == true
        if isPrivate { bucket.privateRequests += 1 } else { bucket.publicRequests += 1 }
        if event.isOrderPlacement || event.isOrderCancellation {
            bucket.orderRequests += 1
        }
        switch event.status ?? 0 {
        case 429: bucket.rateLimited += 1
        case 418: bucket.banned += 1
        case 401, 403: bucket.authErrors += 1
        case 500...599: bucket.serverErrors += 1
        default: if let code = event.errorCode, BinanceAuthCodes.keyOrSignature.contains(code) { bucket.authErrors += 1 }
        }
        if let inflight = event.concurrencyInflight {
            if isPrivate { bucket.maxPrivateInflight = max(bucket.maxPrivateInflight, inflight) } else { bucket.maxPublicInflight = max(bucket.maxPublicInflight, inflight) }
        }
        if let offset = event.clockOffsetMs {
            bucket.minOffsetMs = min(bucket.minOffsetMs ?? offset, offset)
            bucket.maxOffsetMs = max(bucket.maxOffsetMs ?? offset, offset)
        }
        if let window = event.recvWindowMs { recvWindowMs = max(recvWindowMs ?? window, window) }
        retry(event, at: ms)
    }

    private mutating func retry(_ event: LogEvent, at ms: Int64) {
        guard let id = event.requestID else { return }
        if let attempt = event.attempt, attempt >= 2, let previous = lastAttempt[id], ms >= previous.ms {
            retriesSeen += 1
            if retriesSeen % retryStride == 0 {
                retries.append(.init(atMs: ms, attempt: attempt, delayMs: Double(ms - previous.ms), retryAfterMs: previous.retryAfterMs))
                if retries.count >= LogTimeline.retryPointLimit {
                    retries = stride(from: 1, to: retries.count, by: 2).map { retries[$0] }
                    retryStride *= 2
                }
            }
        }
        if lastAttempt.count >= Self.requestMemory { lastAttempt.removeAll(keepingCapacity: true) }
        lastAttempt[id] = (ms, event.retryAfterSeconds.map { $0 * 1000 })
    }

    private mutating func heartbeat(at ms: Int64, into bucket: inout LogTimeline.Bucket) {
        bucket.heartbeats += 1
        defer { lastHeartbeatMs = max(lastHeartbeatMs ?? ms, ms) }
        guard let last = lastHeartbeatMs, ms > last else { return }
        let gap = LogTimeline.Gap(fromMs: last, toMs: ms)
        if gaps.count < LogTimeline.gapLimit || (gaps.last.map { $0.toMs - $0.fromMs < ms - last } ?? true) {
            gaps.append(gap)
            gaps.sort { $0.toMs - $0.fromMs > $1.toMs - $1.fromMs }
            if gaps.count > LogTimeline.gapLimit { gaps.removeLast() }
        }
    }

    /// Doubles the width, merging each pair of neighbours.
    private mutating func widen() {
        width *= 2
        var merged: [Int64: LogTimeline.Bucket] = [:]
        for (index, bucket) in buckets {
            let target = Self.floorDivide(index, 2)
            var moved = bucket
            moved.index = target
            if var existing = merged[target] {
                existing.merge(moved)
                merged[target] = existing
            } else {
                merged[target] = moved
            }
        }
        buckets = merged
        low = Self.floorDivide(low, 2)
        high = Self.floorDivide(high, 2)
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    func finish(scan: LogScan) -> LogTimeline {
        LogTimeline(
            widthMs: width, buckets: buckets.values.sorted { $0.index < $1.index }, retries: retries, retryStride: retryStride,
            heartbeatGaps: gaps, recvWindowMs: recvWindowMs
        )
    }
}
