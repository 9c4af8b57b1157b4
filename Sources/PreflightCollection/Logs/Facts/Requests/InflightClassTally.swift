import PreflightModel

/// One request class's concurrency as the logs show it (private: signed; public: unsigned): the in-flight
/// counts its records declared and what their latencies say overlapped, each against the class's cap.
struct InflightClassTally {
    let cap: Int
    let className: String
    private var requests = 0
    private var recorded = 0
    private var recordedMax = RequestPositionedMaximum()
    private var recordedOver = CitedPositions()
    private var overlap: InflightOverlapTracker

    init(cap: Int, className: String) {
        self.cap = cap
        self.className = className
        overlap = InflightOverlapTracker(cap: cap, className: className)
    }

    mutating func add(_ event: LogEvent) {
        requests += 1
        if let count = event.concurrencyInflight {
            recorded += 1
            recordedMax.offer(Double(count), at: event.position)
            if count > cap { recordedOver.record(event.position, "concurrency_inflight \(count) (\(className))") }
        }
        if let latency = event.latencyMs { overlap.add(end: event.time, latencyMs: latency, position: event.position) }
    }

    func finish(scan: LogScan) -> RequestInflightFacts {
        var overlap = overlap
        overlap.settleAll()
        return RequestInflightFacts(
            requests: requests, cap: cap, recordsWithInflight: recorded,
            maxRecorded: recordedMax.extreme(in: scan, field: "concurrency_inflight"),
            overRecordedCap: recordedOver.tally(in: scan, field: "concurrency_inflight"),
            maxOverlapping: overlap.maximum.extreme(in: scan, field: "latency_ms"),
            overOverlapCap: overlap.overCap.tally(in: scan, field: "latency_ms")
        )
    }
}
