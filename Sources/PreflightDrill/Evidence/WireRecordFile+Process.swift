import PreflightModel
import PreflightScenario
import PreflightStandIn

/// The process faults read back from the wire record: what the bot's next process sent after a crash,
/// the orders that came after the kill switch, the health endpoint's answers per phase.
extension WireRecordFile {
    static let orderQueries: Set<String> = ["/api/v3/openOrders", "/api/v3/order", "/api/v3/allOrders", "/api/v3/openOrderList", "/api/v3/allOrderList"]

    func processFaults(
        _ scenario: DrillScenario, phases: [DrillPhaseRecord], director: DrillProcessDirector, health: DrillHealthRecord?,
        healthURL: String?, file: String
    ) -> DrillProcessFaults? {
        var faults = DrillProcessFaults()
        for (phase, record) in zip(scenario.phases, phases) {
            for fault in phase.faults {
                if case .crash(let trigger) = fault {
                    faults.restarts.append(restart(record, trigger: trigger, director: director, file: file))
                }
                if fault == .killSwitch { faults.killSwitch.append(killSwitchRun(record, director: director, file: file)) }
            }
        }
        faults.health = health ?? healthURL.map { healthRecord($0, phases: phases, file: file) }
        return faults == DrillProcessFaults() ? nil : faults
    }

    /// The streams the stand-in closed on purpose (ws_disconnect), at most 200 of them.
    func closedStreams(file: String) -> [SourceLocation] {
        events.indices.filter { events[$0].kind == .wsDisconnect && events[$0].injected == "ws_disconnect" }
            .prefix(200).map { SourceLocation(file: file, line: $0 + 1) }
    }

    private func span(_ phase: DrillPhaseRecord) -> Range<Int>? {
        guard let first = phase.firstWireLine, let last = phase.lastWireLine else { return nil }
        return (first - 1)..<last
    }

    private func location(_ index: Int?, _ file: String) -> SourceLocation? {
        index.map { SourceLocation(file: file, line: $0 + 1) }
    }

    func restart(_ phase: DrillPhaseRecord, trigger: InjectedFault.CrashTrigger, director: DrillProcessDirector, file: String) -> DrillRestart {
        var restart = DrillRestart(
            phase: phase.name, trigger: trigger.rawValue, killLocation: nil, orphanedOrders: director.orphans[phase.name] ?? [],
            restartFailure: director.restartFailures[phase.name]
        )
        guard let span = span(phase), let kill = span.first(where: { events[$0].kind == .botKill }) else { return restart }
        restart.killLocation = location(kill, file)
        guard let start = events[kill...].firstIndex(where: { $0.kind == .botStart }) else { return restart }
        restart.restartLocation = location(start, file)
        let after = events[(start + 1)...].prefix { $0.kind != .botKill }
        restart.firstOrderQuery = location(after.firstIndex { Self.isOrderQuery($0) }, file)
        restart.firstOrderQueryEndpoint = restart.firstOrderQuery.flatMap { $0.line.map { events[$0 - 1].endpoint } } ?? nil
        restart.firstPlacement = location(after.firstIndex { $0.kind == .apiRequest && $0.isOrderPlacement }, file)
        var used: [String: Int] = [:]
        for index in 0..<kill where events[index].isOrderPlacement {
            if let id = events[index].clientOrderID, used[id] == nil { used[id] = index }
        }
        for index in after.indices where events[index].isOrderPlacement && restart.reusedClientOrderIDs.count < DrillRestart.reusedLimit {
            guard let id = events[index].clientOrderID, let first = used[id] else { continue }
            restart.reusedClientOrderIDs.append(.init(
                clientOrderID: id, location: SourceLocation(file: file, line: index + 1), firstUsed: SourceLocation(file: file, line: first + 1)
            ))
        }
        return restart
    }

    static func isOrderQuery(_ event: WireEvent) -> Bool {
        event.kind == .apiRequest && event.method == "GET" && orderQueries.contains(event.endpoint ?? "")
    }

    func killSwitchRun(_ phase: DrillPhaseRecord, director: DrillProcessDirector, file: String) -> DrillKillSwitchRun {
        var run = DrillKillSwitchRun(
            phase: phase.name, kind: director.killSwitch?.kind.rawValue ?? "none", target: director.killSwitch?.target ?? "",
            failure: director.killSwitchFailures[phase.name], releaseFailure: director.releaseFailures[phase.name]
        )
        guard let span = span(phase), let engage = span.first(where: { events[$0].kind == .killSwitchEngage }) else { return run }
        let engagedAt = events[engage].timeNanoseconds
        let release = span.first { $0 > engage && events[$0].kind == .killSwitchRelease }
        run.engaged = location(engage, file)
        run.released = location(release, file)
        let end = release ?? span.upperBound - 1
        run.engagedSeconds = Double(events[end].timeNanoseconds - engagedAt) / 1e9
        for index in (engage + 1)...max(engage + 1, end) where index < events.count && events[index].isOrderPlacement {
            guard run.placementsAfterSeconds.count < DrillKillSwitchRun.placementLimit else { break }
            run.placementsAfterSeconds.append(Double(events[index].timeNanoseconds - engagedAt) / 1e9)
            run.placementLocations.append(SourceLocation(file: file, line: index + 1))
        }
        if let before = events[..<engage].lastIndex(where: \.isOrderPlacement) {
            run.lastPlacementBeforeSeconds = Double(engagedAt - events[before].timeNanoseconds) / 1e9
        }
        return run
    }

    func healthRecord(_ url: String, phases: [DrillPhaseRecord], file: String) -> DrillHealthRecord {
        var record = DrillHealthRecord(url: url, intervalSeconds: HealthPoller.intervalSeconds)
        for phase in phases {
            var polled = DrillHealthRecord.Phase(name: phase.name, faults: phase.faults)
            for index in span(phase) ?? 0..<0 where events[index].kind == .healthPoll {
                let poll = events[index]
                polled.polls += 1
                if polled.firstPoll == nil { polled.firstPoll = location(index, file) }
                guard let status = poll.status else {
                    polled.unanswered += 1
                    continue
                }
                let digest = poll.detail.map { $0.replacingOccurrences(of: "body ", with: "") } ?? ""
                polled.answers["\(status) \(digest)", default: 0] += 1
            }
            record.phases.append(polled)
        }
        return record
    }
}
