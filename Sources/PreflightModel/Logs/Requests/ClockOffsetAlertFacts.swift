/// Logged clock offsets that crossed the alert threshold, and whether an alert record followed.
public struct ClockOffsetAlertFacts: Codable, Sendable, Equatable {
    /// The threshold used: the stricter of clock.offset_alert_ms and the policy share of the recvWindow; nil when
    /// neither is known.
    public var thresholdMs: Double?
    /// How long after a crossing (or before it) an alert record still counts.
    public var alertWindowMs: Double
    /// Records of any kind that logged clock_offset_ms.
    public var recordsWithOffset: Int
    public var worstOffset: RequestLogExtreme?
    /// Runs of consecutive records above the threshold; each needs one alert.
    public var crossings: Int
    public var unalertedCrossings: LogRecordTally
    /// escalation records, and warn-or-worse records of other kinds that log clock_offset_ms.
    public var alertRecords: Int

    public init(
        thresholdMs: Double? = nil, alertWindowMs: Double = 60_000, recordsWithOffset: Int = 0,
        worstOffset: RequestLogExtreme? = nil, crossings: Int = 0, unalertedCrossings: LogRecordTally = LogRecordTally(),
        alertRecords: Int = 0
    ) {
        self.thresholdMs = thresholdMs
        self.alertWindowMs = alertWindowMs
        self.recordsWithOffset = recordsWithOffset
        self.worstOffset = worstOffset
        self.crossings = crossings
        self.unalertedCrossings = unalertedCrossings
        self.alertRecords = alertRecords
    }
}
