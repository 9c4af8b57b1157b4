import PreflightModel

/// Builds a `LogScan` while reading.
struct LogScanTally {
    static let noEventName = "(no event or message field)"
    static let otherEventNames = "(other names)"

    var scan = LogScan()
    /// Framework text lines recognised as narrative, and those not recognised at all.
    var narrativeLines = 0
    var blankLines = 0
    var unrecognisedLines = LogRecordTally()
    /// api_request events, those that succeeded (2xx) and those that failed (error status or code).
    var requestRecords = 0
    var successfulRequests = 0
    var failedRequests = 0
    private var eventCounts = [Int](repeating: 0, count: LogEventKind.allCases.count)
    private static let kinds = LogEventKind.allCases

    @inline(__always)
    mutating func countEvent(_ event: LogEvent) {
        eventCounts[Self.index(of: event.kind)] += 1
        guard event.kind == .apiRequest else { return }
        requestRecords += 1
        if let status = event.status, (200..<300).contains(status), event.errorCode == nil {
            successfulRequests += 1
        } else if event.status.map({ $0 >= 400 }) == true || event.errorCode != nil {
            failedRequests += 1
        }
    }

    var eventCount: Int { eventCounts.reduce(0, +) }
    var badInputCount: Int { badInput.reduce(0) { $0 + $1.count } }

    private var badInput = [LogRecordTally](repeating: LogRecordTally(), count: LogBadInputKind.allCases.count)
    private static let badKinds = LogBadInputKind.allCases

    mutating func record(_ kind: LogBadInputKind, _ sample: @autoclosure () -> LogSample) {
        badInput[Self.index(of: kind)].record(sample())
    }

    /// Adds a chunk's counts; its samples' line numbers are relative to the chunk and move by `lineOffset`.
    mutating func absorb(_ chunk: LogScanTally, lineOffset: Int) {
        for index in eventCounts.indices { eventCounts[index] += chunk.eventCounts[index] }
        narrativeLines += chunk.narrativeLines
        blankLines += chunk.blankLines
        requestRecords += chunk.requestRecords
        successfulRequests += chunk.successfulRequests
        failedRequests += chunk.failedRequests
        Self.add(chunk.unrecognisedLines, to: &unrecognisedLines, lineOffset: lineOffset)
        for index in badInput.indices where chunk.badInput[index].count > 0 {
            Self.add(chunk.badInput[index], to: &badInput[index], lineOffset: lineOffset)
        }
    }

    /// Adds a chunk's tally to a running one, its samples' lines moved by `lineOffset`.
    static func add(_ chunk: LogRecordTally, to total: inout LogRecordTally, lineOffset: Int) {
        total.count += chunk.count
        for var sample in chunk.samples where total.samples.count < LogRecordTally.sampleLimit {
            sample.location.line = sample.location.line.map { $0 + lineOffset }
            total.samples.append(sample)
        }
    }

    /// The scan, with the unknown event names counted (merged by name, most frequent first, at most 20).
    consuming func finish(unknownEventNames counter: UnknownEventNameCounter) -> LogScan {
        var scan = scan
        for (index, count) in eventCounts.enumerated() where count > 0 { scan.eventsByKind[Self.kinds[index]] = count }
        for (index, tally) in badInput.enumerated() where tally.count > 0 { scan.badInput[Self.badKinds[index]] = tally }
        var byName: [String: Int] = [:]
        for (name, count) in counter.counts { byName[name, default: 0] += count }
        if counter.withoutName > 0 { byName[Self.noEventName, default: 0] += counter.withoutName }
        if counter.others > 0 { byName[Self.otherEventNames, default: 0] += counter.others }
        scan.unknownEventNames = byName
            .map { LogScan.UnknownEventName(name: $0.key, count: $0.value) }
            .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
            .prefix(20)
            .map { $0 }
        return scan
    }

    @inline(__always)
    private static func index(of kind: LogEventKind) -> Int {
        switch kind {
        case .apiRequest: 0
        case .wsConnect: 1
        case .wsReconnectAttempt: 2
        case .wsDisconnect: 3
        case .wsMessage: 4
        case .wsGap: 5
        case .resync: 6
        case .orderSubmit: 7
        case .orderCancel: 8
        case .startup: 9
        case .reconcile: 10
        case .killSwitch: 11
        case .circuitBreaker: 12
        case .escalation: 13
        case .heartbeat: 14
        }
    }

    @inline(__always)
    private static func index(of kind: LogBadInputKind) -> Int {
        switch kind {
        case .invalidJSON: 0
        case .unparseableLine: 1
        case .truncatedLine: 2
        case .oversizedLine: 3
        case .binaryJunk: 4
        case .corruptGzip: 5
        case .emptyFile: 6
        case .unknownEvent: 7
        case .missingTimestamp: 8
        case .invalidTimestamp: 9
        case .valueOutOfRange: 10
        }
    }
}
