import Foundation
import PreflightChecks
import PreflightModel
import Testing

/// D1, D2, C3, D5 and E4 on the process faults a drill records (crash and restart, the kill switch, the
/// health endpoint's answers): each verdict decides only what the drill did and saw.
@Suite("Drill process verdicts")
struct DrillProcessChecksTests {
    static let manifestYAML = """
        bot: {name: t, exchange: binance, mode: trading, markets: [spot]}
        recovery:
          reconcile_on_start: [open_orders]
          block_orders_until_reconciled: true
        orders:
          client_order_ids: true
          reuse_id_on_retry: true
          on_unknown_outcome: query_status
        errors:
          platform: retry_then_escalate
        retry:
          max_attempts: 3
        kill_switch:
          kind: flag_file
          target: run/halt.flag
          last_exercised: 2026-11-20
        monitoring:
          health_endpoint: http://127.0.0.1:9102/healthz
        """

    static func at(_ line: Int) -> PreflightModel.SourceLocation { PreflightModel.SourceLocation(file: "wire.jsonl", line: line) }

    static func finding(_ id: String, process: DrillProcessFaults, doubles: [DrillDuplicateOrder] = [], phases: [String] = ["crash"]) throws -> Finding {
        let manifest = try ExampleAudit.manifest(manifestYAML)
        let wire = try #require(try ExampleAudit.logs(#"{"ts":1795514400000,"event":"api_request","endpoint":"/api/v3/time","method":"GET","status":200}"# + "\n", manifest: manifest))
        let records = phases.enumerated().map { index, name in
            DrillPhaseRecord(name: name, faults: [name], startSeconds: Double(index * 10), endSeconds: Double(index * 10 + 10),
                             firstWireLine: 1 + index * 100, lastWireLine: 100 + index * 100, injected: 1)
        }
        let drill = DrillEvidence(
            scenario: "test", wirePath: "wire.jsonl", startedAt: ExampleAudit.now, endedAt: ExampleAudit.now.addingTimeInterval(60),
            phases: records, wire: wire, duplicateOrders: doubles, process: process
        )
        let check = try #require(Catalog.check(id: id))
        return check.evaluate(Evidence(collectedAt: ExampleAudit.now, manifest: manifest, drill: drill), policy: manifest.effectivePolicy)
    }

    static func restart(query: Int?, placement: Int?, reused: [DrillRestart.ReusedID] = []) -> DrillRestart {
        DrillRestart(
            phase: "crash", trigger: "open_order", killLocation: at(10), orphanedOrders: [4_200_001], restartLocation: at(11),
            firstOrderQuery: query.map(at), firstOrderQueryEndpoint: query == nil ? nil : "/api/v3/openOrders",
            firstPlacement: placement.map(at), reusedClientOrderIDs: reused
        )
    }

    @Test func aRestartThatQueriesItsOrdersBeforePlacingPassesD1() throws {
        let finding = try Self.finding("D1", process: DrillProcessFaults(restarts: [Self.restart(query: 20, placement: 30)]))
        #expect(finding.status == .pass, "\(finding.summary)")
        #expect(finding.summary.contains("/api/v3/openOrders"))
        #expect(finding.details.contains { $0.contains("drill phase crash") })
    }

    @Test func aRestartThatPlacesFirstFailsD1AndOneThatNeverPlacesIsNoPass() throws {
        let first = try Self.finding("D1", process: DrillProcessFaults(restarts: [Self.restart(query: 40, placement: 30)]))
        #expect(first.status == .fail)
        #expect(first.details.contains { $0.contains("wire.jsonl:30") && $0.contains("before any order query") })
        let idle = try Self.finding("D1", process: DrillProcessFaults(restarts: [Self.restart(query: 20, placement: nil)]))
        #expect(idle.status != .fail && !idle.summary.contains("after each"), "\(idle.summary)")
        #expect(idle.details.contains { $0.contains("placed no order") })
    }

    @Test func anOrphanPlacedAgainFailsD1AndC3() throws {
        let double = DrillDuplicateOrder(orderID: 4_200_009, duplicateOfOrderID: 4_200_001, clientOrderID: "x-2", location: Self.at(31), cause: "crash")
        let process = DrillProcessFaults(restarts: [Self.restart(query: 20, placement: 31)])
        let d1 = try Self.finding("D1", process: process, doubles: [double])
        #expect(d1.status == .fail)
        #expect(d1.summary.contains("placed again 1 order"))
        let c3 = try Self.finding("C3", process: process, doubles: [double])
        #expect(c3.status == .fail, "\(c3.summary)")
        #expect(c3.evidence.contains { $0.location == Self.at(31) })
        // A crash double is not a lost-answer double: D2 does not count it.
        let d2 = try Self.finding("D2", process: process, doubles: [double])
        #expect(!d2.summary.contains("twice"), "\(d2.summary)")
    }

    @Test func aClientOrderIDUsedAgainAfterARestartFailsD2() throws {
        let reused = DrillRestart.ReusedID(clientOrderID: "bot-1", location: Self.at(32), firstUsed: Self.at(5))
        let finding = try Self.finding("D2", process: DrillProcessFaults(restarts: [Self.restart(query: 20, placement: 32, reused: [reused])]))
        #expect(finding.status == .fail)
        #expect(finding.details.contains { $0.contains("bot-1") && $0.contains("wire.jsonl:5") })
    }

    static func killSwitch(after: [Double], before: Double? = 1.2, engaged: Double = 8, failure: String? = nil) -> DrillKillSwitchRun {
        DrillKillSwitchRun(
            phase: "kill_switch", kind: "flag_file", target: "run/halt.flag", engaged: failure == nil ? at(101) : nil, failure: failure,
            released: failure == nil ? at(150) : nil, placementsAfterSeconds: after, placementLocations: after.indices.map { at(110 + $0) },
            lastPlacementBeforeSeconds: before, engagedSeconds: engaged
        )
    }

    @Test func theKillSwitchFailsOnALateOrderAndPassesOnlyWhenTheBotWasTrading() throws {
        let phases = ["crash", "kill_switch"]
        let late = try Self.finding("D5", process: DrillProcessFaults(killSwitch: [Self.killSwitch(after: [0.3, 6.5])]), phases: phases)
        #expect(late.status == .fail)
        #expect(late.summary.contains("the last 6.5 s after"), "\(late.summary)")
        let quick = try Self.finding("D5", process: DrillProcessFaults(killSwitch: [Self.killSwitch(after: [0.3])]), phases: phases)
        #expect(quick.status == .pass, "\(quick.summary)")
        #expect(quick.summary.contains("0.3 s after, within 5 s"))
        let idle = try Self.finding("D5", process: DrillProcessFaults(killSwitch: [Self.killSwitch(after: [], before: 40)]), phases: phases)
        #expect(idle.status == .unknown, "\(idle.summary)")
        let chat = try Self.finding("D5", process: DrillProcessFaults(killSwitch: [Self.killSwitch(after: [], failure: "a chat command cannot be drilled")]), phases: phases)
        #expect(chat.status != .pass)
        #expect(chat.summary.contains("chat command cannot be drilled") || chat.details.contains { $0.contains("chat command") })
    }

    static func health(calm: [String: Int], outage: [String: Int], unanswered: Int = 0) -> DrillHealthRecord {
        DrillHealthRecord(url: "http://127.0.0.1:9102/healthz", intervalSeconds: 0.5, phases: [
            .init(name: "warm-up", faults: [], polls: calm.values.reduce(0, +) + unanswered, unanswered: unanswered, answers: calm, firstPoll: at(2)),
            .init(name: "ws_disconnect", faults: ["ws_disconnect"], polls: outage.values.reduce(0, +), answers: outage, firstPoll: at(60)),
        ])
    }

    @Test func theHealthEndpointMustAnswerAndSayOtherwiseWhileStreamsAreDown() throws {
        let phases = ["warm-up", "ws_disconnect"]
        let degraded = try Self.finding("E4", process: DrillProcessFaults(health: Self.health(calm: ["200 aa": 10, "503 bb": 2], outage: ["200 aa": 3, "503 bb": 2])), phases: phases)
        #expect(degraded.status == .pass, "\(degraded.summary)")
        // A 503 while the bot was starting does not make 503 its usual answer.
        #expect(degraded.summary.contains("status 503 instead of its usual 200"), "\(degraded.summary)")
        let same = try Self.finding("E4", process: DrillProcessFaults(health: Self.health(calm: ["200 aa": 10], outage: ["200 aa": 5])), phases: phases)
        #expect(same.status == .fail)
        // A body that differs on every poll tells nothing: only a status can show the outage.
        let noisy = try Self.finding("E4", process: DrillProcessFaults(health: Self.health(calm: ["200 a1": 1, "200 a2": 1, "200 a3": 1], outage: ["200 b1": 1])), phases: phases)
        #expect(noisy.status == .fail, "\(noisy.summary)")
        #expect(noisy.summary.contains("only the status can tell"))
        let silent = try Self.finding("E4", process: DrillProcessFaults(health: Self.health(calm: [:], outage: [:], unanswered: 12)), phases: phases)
        #expect(silent.status == .fail)
        #expect(silent.summary.contains("answered none of 12 polls"))
    }
}
