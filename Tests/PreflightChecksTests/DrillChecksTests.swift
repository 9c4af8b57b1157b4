import Foundation
import PreflightChecks
import PreflightCollection
import PreflightModel
import Testing

/// The drill's verdicts on hand-made wire records (the same log schema the stand-in writes), read by the
/// real log collector: an unexercised phase, an unanswered provocation, unlogged requests.
@Suite("Drill verdicts")
struct DrillChecksTests {
    static let manifestYAML = """
        streams:
          sequence_tracking: true
          on_gap: resync
        clock:
          recv_window_ms: 5000
          logs_offset: true
        retry:
          max_attempts: 3
          respect_retry_after: true
        errors:
          auth: halt
        circuit_breakers:
          auth: {failure_threshold: 1, cooldown_s: 3600}
          rate_limit: {failure_threshold: 3, cooldown_s: 60}
          platform: {failure_threshold: 5, cooldown_s: 120}
        """

    static func request(_ ms: Int, _ endpoint: String, status: Int = 200, code: String? = nil, attempt: Int = 1, extra: String = "") -> String {
        let error = code.map { #","error_code":"\#($0)""# } ?? #","error_code":null"#
        return #"{"ts":\#(1_795_514_400_000 + ms),"event":"api_request","endpoint":"\#(endpoint)","method":"GET","status":\#(status)\#(error),"latency_ms":1,"concurrency_inflight":1,"signed":true,"request_timestamp":\#(1_795_514_400_000 + ms),"recv_window":5000,"attempt":\#(attempt),"clock_offset_ms":0\#(extra)}"# + "\n"
    }

    static func phase(_ name: String, faults: [String], lines: ClosedRange<Int>, injected: Int) -> DrillPhaseRecord {
        DrillPhaseRecord(name: name, faults: faults, startSeconds: 10, endSeconds: 20, firstWireLine: lines.lowerBound,
                         lastWireLine: lines.upperBound, requests: lines.count, injected: injected)
    }

    static func finding(
        _ id: String, wire: String, logs: String? = nil, phases: [DrillPhaseRecord], reactions: [DrillReaction] = [],
        failureRuns: [DrillFailureRun] = [], manifest extra: String = "", base: String = manifestYAML
    ) throws -> Finding {
        let manifest = try ExampleAudit.manifest(base + extra)
        let wireLogs = try #require(try ExampleAudit.logs(wire, manifest: manifest))
        let botLogs = try logs.map { try #require(try ExampleAudit.logs($0, manifest: manifest)) }
        let drill = DrillEvidence(
            scenario: "test", wirePath: "wire.jsonl", startedAt: ExampleAudit.now, endedAt: ExampleAudit.now.addingTimeInterval(30),
            phases: phases, wire: wireLogs, reactions: reactions, failureRuns: failureRuns
        )
        let check = try #require(Catalog.check(id: id))
        return check.evaluate(Evidence(collectedAt: ExampleAudit.now, manifest: manifest, logs: botLogs, drill: drill), policy: manifest.effectivePolicy)
    }

    @Test func anArmedPhaseTheBotNeverExercisedLeavesTheItemUnknown() throws {
        let wire = Self.request(0, "/api/v3/ticker/24hr") + Self.request(1000, "/api/v3/ticker/24hr")
        let finding = try Self.finding("C1", wire: wire, phases: [Self.phase("auth_revoked", faults: ["auth_revoked"], lines: 1...2, injected: 0)])
        #expect(finding.status == .unknown)
        #expect(finding.summary.contains("auth_revoked (00:10–00:20)"), "\(finding.summary)")
        #expect(finding.summary.contains("sent nothing the fault applies to"))
    }

    @Test func aGapWithoutASnapshotFailsD3AndOneAnsweredPassesNamingThePhase() throws {
        let wire = Self.request(0, "/api/v3/ticker/24hr") + Self.request(2000, "/api/v3/depth") + Self.request(4000, "/api/v3/ticker/24hr")
        let phases = [Self.phase("sequence_gap", faults: ["sequence_gap"], lines: 1...3, injected: 1)]
        let trigger = SourceLocation(file: "wire.jsonl", line: 1)
        let missed = DrillReaction(fault: "sequence_gap", reaction: "GET /api/v3/depth", withinSeconds: 10, triggers: [.init(phase: "sequence_gap", location: trigger)])
        let failed = try Self.finding("D3", wire: wire, phases: phases, reactions: [missed])
        #expect(failed.status == .fail)
        #expect(failed.summary.contains("did not fetch a depth snapshot"), "\(failed.summary)")
        #expect(failed.details.contains("shown in drill phase sequence_gap (00:10–00:20)"), "\(failed.details)")
        var answered = missed
        answered.triggers[0].reactionLocation = SourceLocation(file: "wire.jsonl", line: 2)
        answered.triggers[0].reactionSeconds = 2
        let passed = try Self.finding("D3", wire: wire, phases: phases, reactions: [answered])
        #expect(passed.status == .pass, "\(passed.summary)")
        #expect(passed.details.contains("shown in drill phase sequence_gap (00:10–00:20)"), "\(passed.details)")
    }

    @Test func aClockStepLeftUnmeasuredFailsA6EvenWhenTheLogsCarryTheOffset() throws {
        let wire = Self.request(0, "/api/v3/account", status: 400, code: "-1021") + Self.request(500, "/api/v3/account", status: 400, code: "-1021")
        let phases = [Self.phase("clock_skew", faults: ["clock_skew"], lines: 1...2, injected: 2)]
        let step = DrillReaction(fault: "clock_skew", reaction: "GET /api/v3/time", withinSeconds: 5,
                                 triggers: [.init(phase: "clock_skew", location: SourceLocation(file: "wire.jsonl", line: 1))])
        let finding = try Self.finding("A6", wire: wire, logs: wire, phases: phases, reactions: [step])
        #expect(finding.status == .fail)
        #expect(finding.summary.contains("did not re-measure its clock offset"), "\(finding.summary)")
    }

    @Test func aBotThatKeepsSendingAfterItsAuthBreakerShouldOpenFailsC5() throws {
        let wire = Self.request(0, "/api/v3/account", status: 401, code: "-2015")
        let phases = [Self.phase("auth_revoked", faults: ["auth_revoked"], lines: 1...1, injected: 1)]
        let at = SourceLocation(file: "wire.jsonl", line: 1)
        let kept = DrillFailureRun(failureClass: "auth", phase: "auth_revoked", location: at, phaseSeconds: 10,
                                   failuresAtMs: [100, 300, 500], failureLocations: [at, at, at], requestsAtMs: [100, 300, 500, 700])
        let failed = try Self.finding("C5", wire: wire, phases: phases, failureRuns: [kept])
        #expect(failed.status == .fail)
        #expect(failed.summary.contains("no auth breaker opened: after 1 auth failure"), "\(failed.summary)")
        #expect(failed.summary.contains("sent 3 more requests"), "\(failed.summary)")
        var halted = kept
        halted.failuresAtMs = [100]
        halted.failureLocations = [at]
        halted.requestsAtMs = [100, 9000]
        let passed = try Self.finding("C5", wire: wire, phases: phases, failureRuns: [halted])
        #expect(passed.status == .pass, "\(passed.summary)")
        #expect(passed.details.contains { $0.hasPrefix("the wire shows each breaker opening: auth: 1 request") }, "\(passed.details)")
    }

    @Test func aSnapshotDeeperThanTheDeclaredBoundFailsD4() throws {
        let wire = Self.request(0, "/api/v3/ticker/24hr") + Self.request(1500, "/api/v3/depth")
        let phases = [Self.phase("sequence_gap", faults: ["sequence_gap"], lines: 1...2, injected: 1)]
        let snapshot = DrillReaction(fault: "sequence_gap", reaction: "GET /api/v3/depth", withinSeconds: 10, triggers: [.init(
            phase: "sequence_gap", location: SourceLocation(file: "wire.jsonl", line: 1),
            reactionLocation: SourceLocation(file: "wire.jsonl", line: 2), reactionSeconds: 1.5, requestedItems: 5000
        )])
        let bounds = "\nstreams:\n  resync: {mode: snapshot, max_items: 1000, max_duration_s: 10}\n"
        let yaml = Self.manifestYAML.replacingOccurrences(of: "streams:\n  sequence_tracking: true\n  on_gap: resync\n", with: "")
        let manifest = try ExampleAudit.manifest(yaml + bounds)
        let wireLogs = try #require(try ExampleAudit.logs(wire, manifest: manifest))
        let drill = DrillEvidence(scenario: "test", wirePath: "wire.jsonl", startedAt: ExampleAudit.now, endedAt: ExampleAudit.now,
                                  phases: phases, wire: wireLogs, reactions: [snapshot])
        let check = try #require(Catalog.check(id: "D4"))
        let finding = check.evaluate(Evidence(collectedAt: ExampleAudit.now, manifest: manifest, drill: drill), policy: manifest.effectivePolicy)
        #expect(finding.status == .fail, "\(finding.summary)")
        #expect(finding.summary.contains("5000 levels is over streams.resync.max_items: 1000"), "\(finding.summary)")
        #expect(finding.details.contains("shown in drill phase sequence_gap (00:10–00:20)"), "\(finding.details)")
    }

    @Test func aSignedRequestReSentWithItsOldTimestampOnTheWireFailsA4() throws {
        let stamp = 1_795_514_400_000
        func attempt(_ number: Int, at ms: Int, status: Int) -> String {
            #"{"ts":\#(stamp + ms),"event":"api_request","endpoint":"/api/v3/order","method":"POST","status":\#(status),"error_code":\#(status == 200 ? "null" : "\"-1000\""),"signed":true,"request_timestamp":\#(stamp),"recv_window":5000,"attempt":\#(number),"request_id":"fp-1"}"# + "\n"
        }
        let wire = attempt(1, at: 0, status: 503) + attempt(2, at: 700, status: 200)
        let phases = [Self.phase("platform_error", faults: ["platform_error"], lines: 1...2, injected: 1)]
        let finding = try Self.finding("A4", wire: wire, logs: Self.request(0, "/api/v3/account"), phases: phases)
        #expect(finding.status == .fail, "\(finding.summary)")
        #expect(finding.summary.contains("sent again with a timestamp or nonce already used"), "\(finding.summary)")
        #expect(finding.evidence.contains { $0.source == .drill })
        #expect(finding.details.contains("shown in drill phase platform_error (00:10–00:20)"), "\(finding.details)")
    }

    @Test func requestsTheBotDidNotLogFailE1OnceTheWireSawThem() throws {
        var wire = ""
        for index in 0..<10 { wire += Self.request(index * 100, "/api/v3/ticker/24hr") }
        let logged = Self.request(0, "/api/v3/ticker/24hr") + Self.request(100, "/api/v3/ticker/24hr")
        let finding = try Self.finding("E1", wire: wire, logs: logged, phases: [])
        #expect(finding.status == .fail)
        #expect(finding.summary.contains("left 8 of its 10 requests unlogged"), "\(finding.summary)")
        let complete = try Self.finding("E1", wire: wire, logs: wire, phases: [])
        #expect(complete.status == .pass, "\(complete.summary)")
    }

    /// The wire cannot hold the bot's escalation records: a give-up after 5xx answers fails C3 only when the
    /// bot's logs show it without one, whatever the declaration left the verdict at.
    @Test func aGiveUpOnTheWireIsJudgedByTheEscalationInTheBotsLogs() throws {
        let manifest = Self.manifestYAML.replacingOccurrences(of: "  auth: halt\n", with: "  auth: halt\n  platform: retry_then_escalate\n")
        let queried = manifest + "\norders:\n  client_order_ids: true\n  reuse_id_on_retry: true\n  on_unknown_outcome: query_status\n"
        var failures = ""
        for attempt in 1...3 { failures += Self.request(attempt * 1000, "/api/v3/account", status: 503, code: "-1001", attempt: attempt) }
        let later = Self.request(90_000, "/api/v3/ticker/24hr")
        let wire = failures + later
        let phases = [Self.phase("platform_error", faults: ["platform_error"], lines: 1...4, injected: 3)]
        let escalation = #"{"ts":\#(1_795_514_400_000 + 3100),"event":"escalation","message":"account: gave up after 3 attempts"}"# + "\n"

        let escalated = try Self.finding("C3", wire: wire, logs: failures + escalation + later, phases: phases, base: queried)
        #expect(escalated.status == .pass, "\(escalated.summary) \(escalated.details)")
        #expect(!escalated.summary.contains("without an escalation"), "\(escalated.summary)")

        let silent = try Self.finding("C3", wire: wire, logs: wire, phases: phases, base: queried)
        #expect(silent.status == .fail)
        #expect(silent.summary.contains("1 request that gave up after a 5xx or timeout was not followed by an escalation"), "\(silent.summary)")
        #expect(silent.summary.contains("in the logs within 60 s"), "\(silent.summary)")

        // Abandoning an unknown outcome is a warn on the declaration; the logs' missing escalation still fails it.
        let abandoning = manifest + "\norders:\n  client_order_ids: true\n  on_unknown_outcome: abandon\n"
        let warned = try Self.finding("C3", wire: wire, logs: failures + escalation + later, phases: phases, base: abandoning)
        #expect(warned.status == .warn, "\(warned.summary)")
        let warnedSilent = try Self.finding("C3", wire: wire, logs: wire, phases: phases, base: abandoning)
        #expect(warnedSilent.status == .fail, "\(warnedSilent.summary)")
        #expect(warnedSilent.summary.contains("not followed by an escalation"), "\(warnedSilent.summary)")

        // Logs that follow none of the give-ups to their end cannot say whether they were escalated, and say so:
        // logs without the failures, and logs that stop before the escalation window is over.
        let unseen = try Self.finding("C3", wire: wire, logs: later, phases: phases, base: queried)
        #expect(unseen.status == .pass, "\(unseen.summary)")
        #expect(unseen.details.contains { $0.contains("show 1 request that gave up after a 5xx or timeout, but the bot's logs follow none of them") }, "\(unseen.details)")
        let cutShort = try Self.finding("C3", wire: wire, logs: failures, phases: phases, base: queried)
        #expect(cutShort.details.contains { $0.contains("follow none of them to its end") }, "\(cutShort.details)")
    }
}
