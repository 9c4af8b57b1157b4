import Foundation
import PreflightModel

/// Follows the bot's life in one pass: startups and what came first after each, client order ids
/// (fingerprints in a bounded memory), kill-switch records, breaker transitions and heartbeat gaps.
struct LifecycleLogFactsBuilder: LogFactsBuilder {
    static let breakerStateLimit = 16
    /// Startups remembered for splitting heartbeats into runs; past this, gaps across later restarts count.
    static let runLimit = 4096

    let context: LogFactsContext
    private let heartbeatLimitMs: Double?

    private var breakerTransitions = 0
    private var breakerStates: [String: Int] = [:]
    private var breakerExamples = CitedPositions()

    private var startups = 0
    private var reconciles = 0

    /// From order_submit and order_cancel records.
    private var orderRecords = OrderLedger()
    /// From api_request records that place or cancel orders, always read: D2 judges them whether or not the
    /// logs also hold order records; D1 follows them only when there are none.
    private var orderRequests = OrderLedger(unnumberedRepeatsMayBeRetries: true)

    private var killSwitchRecords = 0
    private var lastKillSwitch: (time: LogInstant, position: LogPosition)?

    private var heartbeats = 0
    /// The heartbeats since the last startup, per file.
    private var segments: [Int: HeartbeatSegment] = [:]
    /// Segments a startup ended; with `startupTimes`, capped at `runLimit`.
    private var closedSegments: [HeartbeatSegment] = []
    /// Gaps that span a startup are a restart, not a stall: they are not measured.
    private var startupTimes: [LogInstant] = []
    private var gapsOverLimit = CitedPositions()
    private var latestRecord: (time: LogInstant, position: LogPosition)?

    init(context: LogFactsContext) {
        self.context = context
        heartbeatLimitMs = context.manifest.monitoring?.heartbeatIntervalSeconds.map {
            Double($0.value) * 1000 * context.policy[.heartbeatGapFactor]
        }
    }

    mutating func consume(_ event: LogEvent) {
        if event.time > (latestRecord?.time ?? LogInstant(nanoseconds: .min)) { latestRecord = (event.time, event.position) }
        switch event.kind {
        case .startup:
            startups += 1
            orderRecords.startup(at: event.position)
            orderRequests.startup(at: event.position)
            if startupTimes.count < Self.runLimit {
                startupTimes.append(event.time)
                if let open = segments.removeValue(forKey: event.position.fileIndex) { closedSegments.append(open) }
            }
        case .reconcile:
            reconciles += 1
            orderRecords.reconcile()
            orderRequests.reconcile()
        case .orderSubmit: orderRecords.place(event, startups: startups)
        case .orderCancel: orderRecords.cancel(event)
        case .apiRequest:
            if event.isOrderPlacement {
                orderRequests.place(event, startups: startups)
            } else if event.isOrderCancellation {
                orderRequests.cancel(event)
            }
        case .killSwitch:
            killSwitchRecords += 1
            if event.time >= (lastKillSwitch?.time ?? LogInstant(nanoseconds: .min)) { lastKillSwitch = (event.time, event.position) }
        case .circuitBreaker:
            breakerTransitions += 1
            breakerExamples.record(event.position)
            if let state = event.breakerState {
                let name = state.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
                if breakerStates[name] != nil || breakerStates.count < Self.breakerStateLimit { breakerStates[name, default: 0] += 1 }
            }
        case .heartbeat: heartbeat(event)
        default: break
        }
    }

    private mutating func heartbeat(_ event: LogEvent) {
        heartbeats += 1
        let file = event.position.fileIndex
        guard var segment = segments[file] else {
            segments[file] = HeartbeatSegment(event.time, event.position)
            return
        }
        let gap = event.time.milliseconds(since: segment.last)
        if gap >= 0 {
            if gap > segment.longestGapMs {
                segment.longestGapMs = gap
                segment.longestGapPosition = event.position
            }
            if let heartbeatLimitMs, gap > heartbeatLimitMs {
                gapsOverLimit.record(event.position, "\(Self.seconds(gap)) s since the heartbeat at line \(segment.lastPosition.line)")
            }
            segment.last = event.time
            segment.lastPosition = event.position
        }
        segments[file] = segment
    }

    /// Whether a sorted list holds a time in (start, end].
    static func contains(_ sorted: [LogInstant], after start: LogInstant, upTo end: LogInstant) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= start { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] <= end
    }

    static func seconds(_ ms: Double) -> String {
        let seconds = (ms / 100).rounded() / 10
        return seconds == seconds.rounded() ? String(Int64(seconds)) : String(seconds)
    }

    static func date(_ instant: LogInstant) -> Date {
        Date(timeIntervalSince1970: Double(instant.nanoseconds) / 1_000_000_000)
    }

    func finish(scan: LogScan) -> LifecycleLogFacts {
        var facts = LifecycleLogFacts()
        facts.breakerTransitions = breakerTransitions
        facts.breakerStates = breakerStates
        facts.breakerExamples = breakerExamples.tally(in: scan, field: "circuit_breaker").locations

        facts.startups = startups
        facts.reconciles = reconciles
        if orderRecords.placements + orderRecords.cancellations == 0, orderRequests.placements + orderRequests.cancellations > 0 {
            orderRequests.writeRestarts(into: &facts, scan: scan, placementField: "api_request")
            facts.ordersFromRequests = true
        } else {
            orderRecords.writeRestarts(into: &facts, scan: scan, placementField: "order_submit")
        }
        facts.orderRecordIDs = orderRecords.idFacts(records: .orderSubmit, scan: scan)
        facts.orderRequestIDs = orderRequests.idFacts(records: .apiRequest, scan: scan)

        facts.killSwitchRecords = killSwitchRecords
        if let lastKillSwitch {
            facts.lastKillSwitchAt = Self.date(lastKillSwitch.time)
            facts.lastKillSwitchLocation = scan.location(of: lastKillSwitch.position, field: "kill_switch")
        }

        facts.heartbeats = heartbeats
        facts.heartbeatGapLimitMs = heartbeatLimitMs
        var overLimit = gapsOverLimit
        var longest: (ms: Double, position: LogPosition)?
        let ordered = (closedSegments + segments.values).sorted { $0.first < $1.first }
        let restarts = startupTimes.sorted()
        for segment in ordered {
            if let at = segment.longestGapPosition, segment.longestGapMs > (longest?.ms ?? -1) { longest = (segment.longestGapMs, at) }
        }
        // Between files (and runs): from one segment's last heartbeat to the next one's first, unless the bot restarted in between.
        for (earlier, later) in zip(ordered, ordered.dropFirst())
        where later.first > earlier.last && !Self.contains(restarts, after: earlier.last, upTo: later.first) {
            let gap = later.first.milliseconds(since: earlier.last)
            if gap > (longest?.ms ?? -1) { longest = (gap, later.firstPosition) }
            if let heartbeatLimitMs, gap > heartbeatLimitMs {
                overLimit.record(later.firstPosition, "\(Self.seconds(gap)) s since the previous heartbeat, at line \(earlier.lastPosition.line) of another file or run")
            }
        }
        facts.heartbeatGapsOverLimit = overLimit.tally(in: scan, field: "heartbeat")
        facts.longestHeartbeatGapMs = longest.map {
            LogMeasurement(value: $0.ms, location: scan.location(of: $0.position, field: "heartbeat"))
        }
        if let first = ordered.map(\.first).min() { facts.firstHeartbeatAt = Self.date(first) }
        if let last = ordered.max(by: { $0.last < $1.last }) {
            facts.lastHeartbeatAt = Self.date(last.last)
            if let latestRecord, latestRecord.time > last.last {
                facts.silenceAfterLastHeartbeatMs = LogMeasurement(
                    value: latestRecord.time.milliseconds(since: last.last),
                    location: scan.location(of: latestRecord.position), detail: "last record after the last heartbeat")
            }
        }
        return facts
    }
}
