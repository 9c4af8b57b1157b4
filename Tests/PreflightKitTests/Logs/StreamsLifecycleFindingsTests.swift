import Foundation
import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

/// The stream and lifecycle checks, run by the real auditor on evidence the real reader collected:
/// findings cite the log lines, and say both sides when the logs contradict the manifest.
@Suite("Stream and lifecycle findings cite the logs")
struct StreamsLifecycleFindingsTests {
    static let now = Date(timeIntervalSince1970: 1_795_564_800)  // 2026-11-25T00:00:00Z

    func finding(_ id: String, manifest yaml: String, exchange: String = "binance", lines: [String]) throws -> ReportItem {
        let folder = try LogFolder()
        let file = try folder.write("bot.log", lines.joined(separator: "\n") + "\n")
        let manifest = try ManifestLoader.parse(
            "version: 1\nbot:\n  name: test\n  exchange: \(exchange)\n" + yaml,
            path: (folder.path as NSString).appendingPathComponent("preflight.yml"))
        let logs = LogEvidenceCollector(inputs: [file]).read(manifest)
        let report = Auditor(selection: Selection(only: [id], skip: [])).evaluate(
            Evidence(collectedAt: Self.now, manifest: manifest, logs: logs))
        return try #require(report.items.first)
    }

    @Test func anUnloggedGapIsCitedAtItsLineWithTheNumbersSeen() throws {
        let item = try finding("D3", manifest: "streams:\n  sequence_tracking: true\n  on_gap: resync\n", lines: [
            logRecord("10:00:00.000", #""event":"ws_message","stream":"ethusdt@depth","U":1,"u":4"#),
            logRecord("10:00:00.100", #""event":"ws_message","stream":"ethusdt@depth","U":9,"u":12"#),
        ])
        #expect(item.status == .fail)
        #expect(item.summary.hasPrefix("declares sequence_tracking true at "))
        #expect(item.basis == .observed)
        let cited = try #require(item.evidence.first { $0.source == .logs && $0.location?.line == 2 })
        #expect(cited.detail.contains("U 9, expected 5"))
        #expect(cited.location?.file.hasSuffix("bot.log") == true)
    }

    @Test func logsOutrankADeclaredExerciseDay() throws {
        let item = try finding("D5", manifest: "kill_switch:\n  kind: signal\n  target: SIGTERM\n  last_exercised: 2026-11-20\n", lines: [
            #"{"ts":"2026-08-01T08:00:00Z","event":"kill_switch"}"#,
        ])
        #expect(item.status == .warn)
        #expect(item.summary.contains("declares last_exercised 2026-11-20"))
        #expect(item.summary.contains("115 days old"))
        #expect(item.evidence.contains { $0.source == .logs && $0.location?.line == 1 })
    }

    @Test func logsWithoutTheRecordsAnItemNeedsNeverPass() throws {
        let lines = [logRecord("10:00:00.000", #""event":"api_request","endpoint":"/api/v3/time""#)]
        for id in ["E2", "E4"] {
            let item = try finding(id, manifest: "monitoring:\n  heartbeat_interval_s: 30\n", lines: lines)
            #expect(item.status == .unknown, "\(id): \(item.summary)")
            #expect(item.summary.contains("the logs hold no"), "\(id): \(item.summary)")
        }
    }

    @Test func overlappingReconnectsFailWithTheDeclarationNamed() throws {
        let item = try finding(
            "B5",
            manifest: "streams:\n  reconnect:\n    single_flight: true\n    backoff: {kind: exponential, base_ms: 500, jitter: full}\n",
            lines: [
                logRecord("10:00:00.000", #""event":"ws_disconnect","stream":"s""#),
                logRecord("10:00:00.400", #""event":"ws_reconnect_attempt","stream":"s""#),
                logRecord("10:00:00.420", #""event":"ws_reconnect_attempt","stream":"s""#),
            ])
        #expect(item.status == .fail)
        #expect(item.summary.contains("single_flight true at "))
        #expect(item.summary.contains("bot.log:3"))
    }
}
