/// Requests in flight at once for one endpoint class (private = signed), as the logs show them.
public struct RequestInflightFacts: Codable, Sendable, Equatable {
    public var requests: Int
    /// The cap the tallies below were counted against: the declared cap, never above the policy's.
    public var cap: Int
    /// Records that logged their own concurrency_inflight.
    public var recordsWithInflight: Int
    public var maxRecorded: RequestLogExtreme?
    public var overRecordedCap: LogRecordTally
    /// The most request intervals [time - latency_ms, time] overlapping at one moment.
    public var maxOverlapping: RequestLogExtreme?
    public var overOverlapCap: LogRecordTally

    public init(
        requests: Int = 0, cap: Int = 0, recordsWithInflight: Int = 0, maxRecorded: RequestLogExtreme? = nil,
        overRecordedCap: LogRecordTally = LogRecordTally(), maxOverlapping: RequestLogExtreme? = nil,
        overOverlapCap: LogRecordTally = LogRecordTally()
    ) {
        self.requests = requests
        self.cap = cap
        self.recordsWithInflight = recordsWithInflight
        self.maxRecorded = maxRecorded
        self.overRecordedCap = overRecordedCap
        self.maxOverlapping = maxOverlapping
        self.overOverlapCap = overOverlapCap
    }

    /// The records' own counts when every record logs them; otherwise whichever of those counts and the
    /// overlap of request intervals shows more in flight.
    public var usesRecorded: Bool {
        guard let recorded = maxRecorded else { return false }
        guard recordsWithInflight < requests, let overlapping = maxOverlapping else { return true }
        return recorded.value >= overlapping.value
    }

    public var observedMax: RequestLogExtreme? { usesRecorded ? maxRecorded : maxOverlapping }
    public var overCap: LogRecordTally { usesRecorded ? overRecordedCap : overOverlapCap }
    public var measuredBy: String {
        usesRecorded ? "concurrency_inflight" : "overlapping request intervals (time - latency_ms, time)"
    }
}
