import PreflightModel

/// Follows each stream through its reconnects, sequence numbers, gaps and resyncs. State is one
/// small record per stream (capped at `streamLimit`) and a few running maxima: bounded whatever the log size.
struct StreamLogFactsBuilder: LogFactsBuilder {
    static let streamLimit = 1024
    /// Reconnect delays are grouped by attempt number; later attempts share the last group.
    static let delayAttemptLimit = 12

    let context: LogFactsContext
    private let rule: StreamSequenceRule
    private let maxResyncItems: Int?
    private let maxResyncMs: Double?
    private let gapWindowNs = Int64(StreamLogFacts.gapMatchWindowMs * 1_000_000)

    private var states: [StreamState] = []
    private var slots: [String: Int] = [:]
    /// Most records in a row belong to the same stream: its slot is kept to skip hashing the name.
    private var lastName: String?
    private var lastSlot = 0
    private var untrackedStreams: Set<String> = []
    /// The plain counts, kept in the facts themselves; the cited places become tallies when done.
    private var counts = StreamLogFacts()

    /// Reconnections (a reconnect attempt, or a second ws_connect) of a stream whose connection had no ws_disconnect.
    private var unloggedDisconnects = CitedPositions()
    private var overlapping = CitedPositions()
    private var delays: [ReconnectDelayAccumulator]

    private var sharedCounters = SharedSequenceCounters()
    private var unsequenced = CitedPositions()
    private var unmatchedGaps = CitedPositions()

    private var fullResyncs = CitedPositions()
    private var largestResync: (items: Int, position: LogPosition)?
    private var longestResync: (ms: Double, position: LogPosition)?
    private var overItems = CitedPositions()
    private var overDuration = CitedPositions()

    private var withoutCloseCode = CitedPositions()
    private var withoutLastMessageAgo = CitedPositions()
    private var withoutUptime = CitedPositions()

    init(context: LogFactsContext) {
        self.context = context
        rule = StreamSequenceRule(context.exchange)
        let streams = context.manifest.streams
        maxResyncItems = streams?.resyncMaxItems?.value
        maxResyncMs = streams?.resyncMaxSeconds.map { Double($0.value) * 1000 }
        delays = (1...Self.delayAttemptLimit).map { ReconnectDelayAccumulator(attempt: $0) }
    }

    mutating func consume(_ event: LogEvent) {
        switch event.kind {
        case .wsMessage: message(event)
        case .wsReconnectAttempt: reconnectAttempt(event)
        case .wsConnect: connect(event)
        case .wsDisconnect: disconnect(event)
        case .wsGap: gapRecord(event)
        case .resync: resync(event)
        // A new process: the connections the last one had went with it, unrecorded by design.
        case .startup: for index in states.indices { states[index].processStarted() }
        default: break
        }
    }

    // MARK: Streams

    /// The stream's slot in `states`, created on first sight; nil once the cap is reached (the stream
    /// is counted, not followed).
    private mutating func index(_ event: LogEvent) -> Int? {
        let name = event.stream ?? ""
        if name == lastName { return lastSlot }
        let slot: Int
        if let known = slots[name] {
            slot = known
        } else {
            guard states.count < Self.streamLimit else {
                if untrackedStreams.count < Self.streamLimit { untrackedStreams.insert(name) }
                return nil
            }
            slot = states.count
            states.append(StreamState())
            slots[name] = slot
        }
        lastName = name
        lastSlot = slot
        return slot
    }

    // MARK: B5 reconnects

    private mutating func reconnectAttempt(_ event: LogEvent) {
        guard let index = index(event) else { return }
        // An attempt record carrying an error is the outcome of the attempt in flight, not a new one.
        if event.errorCode != nil || (event.status ?? 0) >= 400 {
            states[index].pendingAttempt = nil
            states[index].delayAnchor = event.time
            return
        }
        counts.reconnectAttempts += 1
        var state = states[index]
        if let opened = state.openedAt {
            unloggedDisconnects.record(event.position, "reconnect attempt on stream \(event.stream ?? "(unnamed)") whose connection from line \(opened.line) has no ws_disconnect record")
            state.openedAt = nil
        }
        if let pending = state.pendingAttempt {
            // A loop that numbers its attempts and counts up is one flight whose failure went unlogged.
            let successor = pending.attempt.map { previous in event.attempt == previous + 1 } ?? false
            if !successor {
                let stream = event.stream ?? "(unnamed)"
                overlapping.record(
                    event.position,
                    "stream \(stream): attempt while the attempt at line \(pending.position.line) had no ws_connect or failure record")
            }
        }
        state.attemptsInEpisode += 1
        let number = event.attempt ?? state.attemptsInEpisode
        if let anchor = state.delayAnchor, number >= 1 {
            let delay = event.time.milliseconds(since: anchor)
            if delay >= 0 { delays[min(number, Self.delayAttemptLimit) - 1].add(delay, at: event.position) }
        }
        state.delayAnchor = event.time
        state.pendingAttempt = StreamState.PendingAttempt(position: event.position, attempt: event.attempt)
        states[index] = state
    }

    private mutating func connect(_ event: LogEvent) {
        guard let index = index(event) else { return }
        if let opened = states[index].openedAt {
            unloggedDisconnects.record(event.position, "ws_connect on stream \(event.stream ?? "(unnamed)") while its connection from line \(opened.line) has no ws_disconnect record")
        }
        states[index].openedAt = event.position
        states[index].pendingAttempt = nil
        states[index].delayAnchor = nil
        states[index].attemptsInEpisode = 0
        // A new connection starts its sequence again (after a snapshot).
        states[index].lastSequence = nil
        states[index].sharedCounter = nil
    }

    // MARK: E2 disconnects (and the start of a reconnect episode)

    private mutating func disconnect(_ event: LogEvent) {
        counts.disconnects += 1
        if event.closeCode == nil {
            withoutCloseCode.record(event.position, Self.absence(event, .closeCode))
        }
        if event.lastMessageAgoMs == nil {
            withoutLastMessageAgo.record(event.position, Self.absence(event, .lastMessageAgoMs))
        }
        if event.uptimeSeconds == nil {
            withoutUptime.record(event.position, Self.absence(event, .uptimeSeconds))
        }
        guard let index = index(event) else { return }
        states[index].openedAt = nil
        // A disconnect while an attempt is in flight is that attempt's failure; otherwise a new episode starts.
        if states[index].pendingAttempt == nil { states[index].attemptsInEpisode = 0 }
        states[index].pendingAttempt = nil
        states[index].delayAnchor = event.time
        states[index].lastSequence = nil
        states[index].sharedCounter = nil
    }

    private static func absence(_ event: LogEvent, _ field: LogField) -> String {
        event.fields.contains(field) ? "\(field.rawValue) present but not a number" : "no \(field.rawValue)"
    }

    // MARK: D3 sequence numbers and gaps

    private mutating func message(_ event: LogEvent) {
        guard let index = index(event) else {
            if case .unsequenced = rule.step(event, previous: nil) { unsequenced.record(event.position) } else { counts.sequencedMessages += 1 }
            return
        }
        let step = rule == .coinbase ? coinbaseStep(event, index) : rule.step(event, previous: states[index].lastSequence)
        if case .unsequenced = step {
            unsequenced.record(event.position, event.stream.map { "stream \($0)" })
            return
        }
        counts.sequencedMessages += 1
        states[index].sequenced = true
        if !states[index].pendingGaps.isEmpty {
            Self.expireGaps(&states[index], before: event.time, window: gapWindowNs, into: &unmatchedGaps)
        }
        switch step {
        case .unsequenced:
            break
        case .next(let last):
            states[index].lastSequence = last
        case .reset(let last):
            counts.sequenceResets += 1
            states[index].lastSequence = last
        case .gap(let last, let expected, let got, let field):
            counts.gapsFound += 1
            states[index].lastSequence = last
            if let record = states[index].unmatchedGapRecord, event.time.nanoseconds &- record.nanoseconds <= gapWindowNs {
                states[index].unmatchedGapRecord = nil
                counts.gapsMatched += 1
            } else {
                let detail = "stream \(event.stream ?? "(unnamed)"): \(field) \(got), expected \(expected)"
                if states[index].pendingGaps.count >= StreamState.pendingGapLimit {
                    let oldest = states[index].pendingGaps.removeFirst()
                    unmatchedGaps.record(oldest.position, oldest.detail)
                }
                states[index].pendingGaps.append(StreamState.PendingGap(time: event.time, position: event.position, detail: detail))
            }
        }
    }

    private mutating func coinbaseStep(_ event: LogEvent, _ index: Int) -> StreamSequenceRule.Step {
        guard let number = event.sequence else { return .unsequenced }
        switch sharedCounters.step(number, own: states[index].sharedCounter) {
        case .next(let handle), .started(let handle):
            states[index].sharedCounter = handle
            return .next(last: number)
        case .reset(let handle):
            states[index].sharedCounter = handle
            return .reset(last: number)
        case .gap(let handle, let expected):
            states[index].sharedCounter = handle
            return .gap(last: number, expected: expected, got: number, field: "sequence_num")
        }
    }

    /// Gaps that waited longer than the window for the bot's record are unmatched.
    private static func expireGaps(
        _ state: inout StreamState, before time: LogInstant, window: Int64, into unmatched: inout CitedPositions
    ) {
        while let gap = state.pendingGaps.first, time.nanoseconds &- gap.time.nanoseconds > window {
            unmatched.record(gap.position, gap.detail)
            state.pendingGaps.removeFirst()
        }
    }

    private mutating func gapRecord(_ event: LogEvent) {
        counts.gapRecords += 1
        guard let index = index(event) else { return }
        var state = states[index]
        Self.expireGaps(&state, before: event.time, window: gapWindowNs, into: &unmatchedGaps)
        if state.pendingGaps.isEmpty {
            // Logged before the message that shows the gap: keep following the sequence, so that message
            // still shows the gap and is matched with this record.
            state.unmatchedGapRecord = event.time
        } else {
            state.pendingGaps.removeFirst()
            counts.gapsMatched += 1
            // The bot is about to resync: its next message starts the sequence again.
            state.lastSequence = nil
            state.sharedCounter = nil
        }
        states[index] = state
    }

    // MARK: D4 resyncs

    private mutating func resync(_ event: LogEvent) {
        counts.resyncs += 1
        if let mode = event.resyncMode, mode.lowercased() == "full" {
            fullResyncs.record(event.position, event.stream.map { "stream \($0): mode full" } ?? "mode full")
        }
        if let items = event.resyncItems {
            if items > (largestResync?.items ?? -1) { largestResync = (items, event.position) }
            if let maxResyncItems, items > maxResyncItems { overItems.record(event.position, "\(items) items") }
        }
        if let ms = event.latencyMs {
            if ms > (longestResync?.ms ?? -1) { longestResync = (ms, event.position) }
            if let maxResyncMs, ms > maxResyncMs { overDuration.record(event.position, "\(Self.format(ms)) ms") }
        }
        if let index = index(event) {
            states[index].lastSequence = nil
            states[index].sharedCounter = nil
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    // MARK: Finish

    func finish(scan: LogScan) -> StreamLogFacts {
        var facts = counts
        facts.reconnectsWithoutDisconnect = unloggedDisconnects.tally(in: scan, field: "ws_disconnect")
        facts.overlappingReconnects = overlapping.tally(in: scan, field: "ws_reconnect_attempt")
        facts.reconnectDelays = delays.filter { $0.count > 0 }.map { $0.stats(in: scan) }

        var unmatched = unmatchedGaps
        for state in states {
            for gap in state.pendingGaps { unmatched.record(gap.position, gap.detail) }
        }
        facts.unsequencedMessages = unsequenced.tally(in: scan, field: "ws_message")
        facts.sequencedStreams = states.filter(\.sequenced).count
        facts.unmatchedGaps = unmatched.tally(in: scan, field: "ws_message")

        facts.fullResyncs = fullResyncs.tally(in: scan, field: "resync_mode")
        facts.largestResyncItems = largestResync.map {
            LogMeasurement(value: Double($0.items), location: scan.location(of: $0.position, field: "resync_items"))
        }
        facts.longestResyncMs = longestResync.map {
            LogMeasurement(value: $0.ms, location: scan.location(of: $0.position, field: "latency_ms"))
        }
        facts.resyncsOverItemBound = overItems.tally(in: scan, field: "resync_items")
        facts.resyncsOverDurationBound = overDuration.tally(in: scan, field: "latency_ms")

        facts.disconnectsWithoutCloseCode = withoutCloseCode.tally(in: scan, field: "close_code")
        facts.disconnectsWithoutLastMessageAgo = withoutLastMessageAgo.tally(in: scan, field: "last_message_ago_ms")
        facts.disconnectsWithoutUptime = withoutUptime.tally(in: scan, field: "uptime_seconds")
        facts.untrackedStreams = untrackedStreams.count
        return facts
    }
}
