import Foundation
import PreflightModel
import PreflightScenario
import PreflightStandIn

/// The wire record as a file of canonical JSON lines, in arrival order, and what each phase saw in it.
struct WireRecordFile {
    let events: [WireEvent]

    init(_ events: [WireEvent]) {
        // Answers are recorded when they leave; the record reads in the order requests arrived.
        self.events = events.enumerated().sorted { lhs, rhs in
            lhs.element.timeNanoseconds == rhs.element.timeNanoseconds ? lhs.offset < rhs.offset
                : lhs.element.timeNanoseconds < rhs.element.timeNanoseconds
        }.map(\.element)
    }

    func write(to path: String) throws {
        var text = events.map(\.jsonLine).joined(separator: "\n")
        text += "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// Each phase's span of lines and what arrived in it.
    func phaseRecords(_ scenario: DrillScenario) -> [DrillPhaseRecord] {
        scenario.phases.map { phase in
            let faults = phase.faults.map(\.name)
            var record = DrillPhaseRecord(
                name: phase.name, faults: faults, startSeconds: phase.atSeconds, endSeconds: phase.atSeconds + phase.windowSeconds
            )
            let start = events.firstIndex { $0.kind == .phaseStart && $0.phase == phase.name }
            let end = events.firstIndex { $0.kind == .phaseEnd && $0.phase == phase.name }
            guard let start else { return record }
            let last = end ?? events.count - 1
            record.firstWireLine = start + 1
            record.lastWireLine = last + 1
            tally(events[start...last], faults: faults, openStreams: openStreams(before: start), into: &record)
            return record
        }
    }

    private func tally(_ slice: ArraySlice<WireEvent>, faults: [String], openStreams: Int, into record: inout DrillPhaseRecord) {
        for event in slice {
            switch event.kind {
            case .apiRequest:
                record.requests += 1
                if event.signed == true { record.signedRequests += 1 }
                if event.isOrderPlacement { record.orderPlacements += 1 }
            case .wsConnect:
                record.streamConnects += 1
            default:
                break
            }
            if let injected = event.injected, faults.contains(injected), event.kind != .phaseStart { record.injected += 1 }
            if faults.contains("clock_skew"), event.errorCode == "-1021" { record.injected += 1 }
            if faults.contains("health"), event.kind == .healthPoll { record.injected += 1 }
        }
        // A gap or a silence acts on every stream that is open: the phase bit if any was.
        if faults.contains("sequence_gap") || faults.contains("stale_stream") {
            record.injected += openStreams + record.streamConnects
        }
    }

    private func openStreams(before index: Int) -> Int {
        var open = 0
        for event in events[..<index] {
            if event.kind == .wsConnect { open += 1 }
            if event.kind == .wsDisconnect { open = max(0, open - 1) }
        }
        return open
    }

    /// What the bot sent after each gap in a depth stream (a snapshot) and after each clock step's first
    /// timestamp rejection (a server-time query).
    func reactions(_ phases: [DrillPhaseRecord], file: String) -> [DrillReaction] {
        var reactions: [DrillReaction] = []
        let gaps = phases.filter { $0.faults.contains("sequence_gap") && $0.exercised }.compactMap { phase -> (String, Int)? in
            phase.firstWireLine.map { (phase.name, $0 - 1) }
        }
        if phases.contains(where: { $0.faults.contains("sequence_gap") }) {
            reactions.append(reaction("sequence_gap", to: gaps, by: "/api/v3/depth", within: 10, file: file))
        }
        let steps = phases.filter { $0.faults.contains("clock_skew") }.compactMap { phase -> (String, Int)? in
            guard let first = phase.firstWireLine, let last = phase.lastWireLine else { return nil }
            return events[(first - 1)...(last - 1)].firstIndex { $0.errorCode == "-1021" }.map { (phase.name, $0) }
        }
        if phases.contains(where: { $0.faults.contains("clock_skew") }) {
            reactions.append(reaction("clock_skew", to: steps, by: "/api/v3/time", within: 5, file: file))
        }
        return reactions
    }

    /// Requests in the window before and after the first 429 or 418 of each rate-limit or ban phase.
    func loadChanges(_ phases: [DrillPhaseRecord], file: String) -> [DrillLoadChange] {
        // The wire's own clock: the first phase's start line.
        let startNanoseconds = events.first { $0.kind == .phaseStart }?.timeNanoseconds ?? 0
        return phases.filter { !Set($0.faults).isDisjoint(with: ["rate_limit", "ban"]) }.compactMap { phase in
            guard let first = phase.firstWireLine, let last = phase.lastWireLine,
                  let index = events[(first - 1)...(last - 1)].firstIndex(where: { $0.status == 429 || $0.status == 418 })
            else { return nil }
            let at = events[index].timeNanoseconds
            let window = min(10_000_000_000, at - startNanoseconds)
            guard window >= 2_000_000_000 else { return nil }
            let requests = events.filter { $0.kind == .apiRequest }
            let before = requests.filter { $0.timeNanoseconds >= at - window && $0.timeNanoseconds < at }.count
            let after = requests.filter { $0.timeNanoseconds >= at && $0.timeNanoseconds < at + window }.count
            return DrillLoadChange(
                phase: phase.name, location: SourceLocation(file: file, line: index + 1), windowSeconds: Double(window) / 1e9,
                requestsBefore: before, requestsAfter: after
            )
        }
    }

    /// For each phase that provoked a breaker's failures, when they came and when the bot sent requests of
    /// that class.
    func failureRuns(_ phases: [DrillPhaseRecord], file: String) -> [DrillFailureRun] {
        let classes: [(name: String, faults: Set<String>, signedOnly: Bool, failed: (WireEvent) -> Bool)] = [
            ("auth", ["auth_revoked"], true, { $0.status == 401 || BinanceAuthCodes.keyOrSignature.contains($0.errorCode ?? "") }),
            ("rate_limit", ["rate_limit", "ban"], false, { $0.status == 429 || $0.status == 418 }),
            ("platform", ["platform_error", "maintenance"], false, { ($0.status ?? 0) >= 500 || $0.errorCode == "-1007" }),
        ]
        var runs: [DrillFailureRun] = []
        for phase in phases {
            guard let first = phase.firstWireLine, let last = phase.lastWireLine else { continue }
            let start = events[first - 1].timeNanoseconds
            for kind in classes where !kind.faults.isDisjoint(with: phase.faults) {
                var failures: [Int] = [], places: [SourceLocation] = [], requests: [Int] = []
                for index in (first - 1)...(last - 1) {
                    let event = events[index]
                    guard event.kind == .apiRequest, !kind.signedOnly || event.signed == true else { continue }
                    let at = Int((event.timeNanoseconds - start) / 1_000_000)
                    if requests.count < DrillFailureRun.limit { requests.append(at) }
                    if kind.failed(event), failures.count < DrillFailureRun.limit {
                        failures.append(at)
                        places.append(SourceLocation(file: file, line: index + 1))
                    }
                }
                runs.append(DrillFailureRun(
                    failureClass: kind.name, phase: phase.name, location: SourceLocation(file: file, line: first),
                    phaseSeconds: phase.endSeconds - phase.startSeconds, failuresAtMs: failures, failureLocations: places,
                    requestsAtMs: requests
                ))
            }
        }
        return runs
    }

    private func reaction(_ fault: String, to triggers: [(phase: String, index: Int)], by path: String, within seconds: Double, file: String) -> DrillReaction {
        let limit = Int64(seconds * 1e9)
        let found = triggers.map { phase, index in
            var trigger = DrillReaction.Trigger(phase: phase, location: SourceLocation(file: file, line: index + 1))
            let start = events[index].timeNanoseconds
            let answer = events[(index + 1)...].prefix { $0.timeNanoseconds - start <= limit }.firstIndex { $0.kind == .apiRequest && $0.endpoint == path }
            if let answer {
                trigger.reactionLocation = SourceLocation(file: file, line: answer + 1)
                trigger.reactionSeconds = Double(events[answer].timeNanoseconds - start) / 1e9
                trigger.requestedItems = events[answer].snapshotLimit
            }
            return trigger
        }
        return DrillReaction(fault: fault, reaction: "GET \(path)", withinSeconds: seconds, triggers: found)
    }

    /// Orders booked again under another client order id after their answer was lost.
    func duplicateOrders(file: String) -> [DrillDuplicateOrder] {
        events.enumerated().compactMap { index, event in
            guard let original = event.duplicateOfOrderID, let order = event.orderID else { return nil }
            return DrillDuplicateOrder(
                orderID: order, duplicateOfOrderID: original, clientOrderID: event.clientOrderID,
                location: SourceLocation(file: file, line: index + 1), cause: event.duplicateCause
            )
        }
    }
}
