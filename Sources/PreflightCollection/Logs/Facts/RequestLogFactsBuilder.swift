import PreflightModel
import PreflightSupport

/// Derives RequestLogFacts (A4, A6, B1, E1, E3) from api_request records, plus the alert records E3 needs.
/// A request counts as signed (private) when it says `signed: true`, or says nothing about it but carries a
/// request timestamp.
struct RequestLogFactsBuilder: LogFactsBuilder {
    static let reuseWindowMs: Double = 60_000
    static let alertWindowMs: Double = 60_000
    private static let requiredFields: [LogField] = [.endpoint, .status, .errorCode, .attempt, .latencyMs, .concurrencyInflight]

    let context: LogFactsContext
    private let skewLimitMs: Double
    /// Kraken signs with a nonce that need only increase, not a clock reading: its distance from the record's
    /// time means nothing.
    private let nonceIsClockReading: Bool
    private let rejectionCodes: Set<String>

    private var requests = 0
    private var signedRequests = 0
    private var signedWithRequestTimestamp = 0
    private var reuseWindow: TimestampReuseWindow
    private var reused = CitedPositions()
    private var skewed = CitedPositions()
    private var worstSkew = RequestPositionedMaximum()
    /// Timestamp-window rejections: of a timestamp that was stale or reused when sent (A4's), of a fresh
    /// one (a clock-offset problem for A6 and E3), and of one the record did not log.
    private var staleRejections = CitedPositions()
    private var freshRejections = CitedPositions()
    private var unstampedRejections = CitedPositions()
    /// Kraken: the highest nonce sent so far and the record's time, so a lower one sent later is seen.
    private var highestNonce: (value: Int64, time: LogInstant, position: LogPosition)?
    private var decreasingNonces = CitedPositions()
    private var clockOffsetCarried = 0
    private var clockOffsetMissing = CitedPositions()
    private let requiredMask = LogFieldSet(Self.requiredFields).rawValue
    /// Records carrying all six fields (the usual case, counted without a loop); `carried` counts the rest.
    private var carryingAll = 0
    private var carried: [Int]
    private var missing: [CitedPositions]
    private var privateInflight: InflightClassTally
    private var publicInflight: InflightClassTally
    private var offsetAlerts: OffsetAlertTracker

    init(context: LogFactsContext) {
        self.context = context
        let policy = context.policy
        skewLimitMs = policy[.timestampSkewMs]
        nonceIsClockReading = context.exchange != .kraken
        rejectionCodes = TimestampRejectionCodes.codes(for: context.exchange)
        // The logs are held to the declared cap, and never to one looser than the policy's.
        let declared = context.manifest.concurrency
        let policyPrivate = policy.int(.maxPrivateInflight), policyPublic = policy.int(.maxPublicInflight)
        let privateCap = min(declared?.privateRequests.map { max($0.value, 1) } ?? policyPrivate, policyPrivate)
        let publicCap = min(declared?.publicRequests.map { max($0.value, 1) } ?? policyPublic, policyPublic)
        reuseWindow = TimestampReuseWindow(windowMs: Self.reuseWindowMs)
        carried = Array(repeating: 0, count: Self.requiredFields.count)
        missing = Array(repeating: CitedPositions(), count: Self.requiredFields.count)
        privateInflight = InflightClassTally(cap: privateCap, className: "private")
        publicInflight = InflightClassTally(cap: publicCap, className: "public")
        offsetAlerts = OffsetAlertTracker(thresholdMs: Self.alertThresholdMs(context), windowMs: Self.alertWindowMs)
    }

    /// The stricter of clock.offset_alert_ms and the policy share of the recvWindow (declared, else the
    /// exchange's default): an alert declared too high does not excuse a crossing of the policy's limit.
    static func alertThresholdMs(_ context: LogFactsContext) -> Double? {
        let clock = context.manifest.clock
        let declared = clock?.offsetAlertMs.flatMap { $0.value > 0 ? Double($0.value) : nil }
        let window = clock?.recvWindowMs.flatMap { $0.value > 0 ? $0.value : nil } ?? context.exchange.defaultRecvWindowMs
        let policyLimit = window.map { context.policy[.offsetShareOfRecvWindow] * Double($0) }
        switch (declared, policyLimit) {
        case let (declared?, limit?): return min(declared, limit)
        case let (declared, limit): return declared ?? limit
        }
    }

    mutating func consume(_ event: LogEvent) {
        if let offset = event.clockOffsetMs {
            offsetAlerts.offset(offset, time: event.time, position: event.position)
        }
        switch event.kind {
        case .apiRequest:
            request(event)
        case .escalation:
            offsetAlerts.alert(time: event.time)
        default:
            if event.clockOffsetMs != nil, let level = event.level, level >= .warn { offsetAlerts.alert(time: event.time) }
        }
    }

    private mutating func request(_ event: LogEvent) {
        requests += 1
        if event.fields.rawValue & requiredMask == requiredMask {
            carryingAll += 1
        } else {
            for (index, field) in Self.requiredFields.enumerated() {
                if event.fields.contains(field) {
                    carried[index] += 1
                } else {
                    missing[index].record(event.position)
                }
            }
        }
        let rejected = event.errorCode.flatMap { code in
            rejectionCodes.contains(TimestampRejectionCodes.normalised(code)) ? code : nil
        }
        let signed = event.signed ?? (event.requestTimestamp != nil)
        if signed {
            let stamp = signedRequest(event)
            if let rejected { classifyRejection(event, code: rejected, stamp: stamp) }
        } else {
            if let rejected { unstampedRejections.record(event.position, "error_code \(rejected)") }
            publicInflight.add(event)
        }
    }

    /// What a signed request's timestamp showed: how far it was from when it was sent, whether it was reused.
    struct StampCheck {
        var skewMs: Double?
        var reused: Bool
    }

    private mutating func classifyRejection(_ event: LogEvent, code: String, stamp: StampCheck?) {
        guard let stamp else {
            unstampedRejections.record(event.position, "error_code \(code), no request_timestamp logged")
            return
        }
        if stamp.reused || (stamp.skewMs ?? 0) > skewLimitMs {
            let why = stamp.reused ? "a reused timestamp" : "a timestamp \(NumberText.whole(stamp.skewMs ?? 0)) ms from when it was sent"
            staleRejections.record(event.position, "error_code \(code) on \(why)")
        } else {
            let skew = stamp.skewMs.map { " (\(NumberText.whole($0)) ms from the record's time)" } ?? ""
            freshRejections.record(event.position, "error_code \(code) on a fresh timestamp\(skew)")
        }
    }

    /// nil when the record logged no request timestamp.
    @discardableResult
    private mutating func signedRequest(_ event: LogEvent) -> StampCheck? {
        signedRequests += 1
        if event.clockOffsetMs != nil {
            clockOffsetCarried += 1
        } else {
            clockOffsetMissing.record(event.position)
        }
        privateInflight.add(event)

        guard let stamp = event.requestTimestamp else { return nil }
        signedWithRequestTimestamp += 1
        let wasReused = checkReuse(event, stamp: stamp)
        guard nonceIsClockReading else { return StampCheck(skewMs: nil, reused: wasReused) }
        // Sent at time - latency_ms when the record gives its latency; the nearer of the two moments counts.
        // A bot that corrects its timestamps by its measured offset (clock_offset_ms: local minus exchange)
        // stamps local time minus the offset: that is fresh too.
        let recordedAt = event.time.milliseconds
        let sentAt = event.latencyMs.map { recordedAt - $0 } ?? recordedAt
        var skew = min(abs(stamp.milliseconds - recordedAt), abs(stamp.milliseconds - sentAt))
        if let offset = event.clockOffsetMs {
            skew = min(skew, abs(stamp.milliseconds - (recordedAt - offset)), abs(stamp.milliseconds - (sentAt - offset)))
        }
        worstSkew.offer(skew, at: event.position)
        if skew > skewLimitMs {
            skewed.record(event.position, "request timestamp \(NumberText.whole(skew)) ms from the record's time")
        }
        return StampCheck(skewMs: skew, reused: wasReused)
    }

    /// A timestamp-signing exchange takes distinct requests in the same millisecond: only a request sent
    /// again (same request id or client order id, or a later attempt) with its old timestamp reuses it. A
    /// Kraken nonce is a counter: any repeat is reuse, and one lower than a nonce already sent is out of order.
    private mutating func checkReuse(_ event: LogEvent, stamp: LogInstant) -> Bool {
        let key = nonceIsClockReading
            ? stamp.nanoseconds ^ Int64(truncatingIfNeeded: UInt64(bitPattern: Int64(RequestFingerprint.of(event))) &* 0x9E37_79B9_7F4A_7C15)
            : stamp.nanoseconds
        let earlier = reuseWindow.insert(key: key, time: event.time, position: event.position)
        if let earlier, !nonceIsClockReading || RequestFingerprint.isIdentified(event) {
            let what = nonceIsClockReading ? "same request timestamp as its earlier attempt at line" : "same nonce as line"
            reused.record(event.position, "\(what) \(earlier.position.line)\(earlier.position.fileIndex == event.position.fileIndex ? "" : " of another file")")
            return true
        }
        guard !nonceIsClockReading else { return false }
        let nonce = stamp.nanoseconds
        if let highest = highestNonce, nonce < highest.value {
            // Started after the higher nonce's record: the counter went backwards.
            let startedAt = event.time.milliseconds - (event.latencyMs ?? 0)
            if startedAt > highest.time.milliseconds {
                decreasingNonces.record(event.position, "nonce lower than the one sent at line \(highest.position.line)")
                return true
            }
        } else {
            highestNonce = (nonce, event.time, event.position)
        }
        return false
    }

    func finish(scan: LogScan) -> RequestLogFacts {
        var facts = RequestLogFacts()
        facts.requests = requests
        facts.signedRequests = signedRequests
        facts.signedWithRequestTimestamp = signedWithRequestTimestamp
        facts.reusedTimestamps = reused.tally(in: scan, field: "request_timestamp")
        facts.reuseWindowMs = Self.reuseWindowMs
        facts.timestampSkewLimitMs = skewLimitMs
        facts.skewedTimestamps = skewed.tally(in: scan, field: "request_timestamp")
        facts.worstTimestampSkew = worstSkew.extreme(in: scan, field: "request_timestamp")
        facts.staleTimestampRejections = staleRejections.tally(in: scan, field: "error_code")
        facts.freshTimestampRejections = freshRejections.tally(in: scan, field: "error_code")
        facts.unstampedTimestampRejections = unstampedRejections.tally(in: scan, field: "error_code")
        facts.decreasingNonces = decreasingNonces.tally(in: scan, field: "request_timestamp")
        facts.clockOffsetCoverage = RequestFieldCoverage(
            field: "clock_offset_ms", records: signedRequests, carried: clockOffsetCarried,
            missing: clockOffsetMissing.tally(in: scan, field: "clock_offset_ms")
        )
        facts.fieldCoverage = Self.requiredFields.enumerated().map { index, field in
            RequestFieldCoverage(field: field.rawValue, records: requests, carried: carryingAll + carried[index],
                                 missing: missing[index].tally(in: scan, field: field.rawValue))
        }
        facts.privateInflight = privateInflight.finish(scan: scan)
        facts.publicInflight = publicInflight.finish(scan: scan)
        var alerts = offsetAlerts
        alerts.close()
        facts.offsetAlerts = ClockOffsetAlertFacts(
            thresholdMs: alerts.thresholdMs, alertWindowMs: Self.alertWindowMs, recordsWithOffset: alerts.recordsWithOffset,
            worstOffset: alerts.worst.extreme(in: scan, field: "clock_offset_ms"), crossings: alerts.crossings,
            unalertedCrossings: alerts.unalerted.tally(in: scan, field: "clock_offset_ms"), alertRecords: alerts.alertRecords
        )
        return facts
    }
}
