import Foundation
import PreflightChecks
import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

/// The request checks (A4, A6, B1, E1, E3) on log samples read from real files.
@Suite("Request log checks")
struct RequestsLogChecksTests {
    static let requestChecks: [String] = ["A4", "A6", "B1", "E1", "E3"]

    private func finding(_ id: String, manifest: String, logs: LogEvidence?) throws -> Finding {
        let check = try #require(Catalog.check(id: id))
        let parsed = try ManifestLoader.parse("version: 1\nbot:\n  name: t\n  exchange: binance\n" + manifest, path: "preflight.yml")
        let policy = parsed.effectivePolicy
        return check.evaluate(Evidence(collectedAt: exampleNow, manifest: parsed, logs: logs), policy: policy)
    }

    private func collect(_ text: String, manifest: String = "") throws -> LogEvidence {
        try #require(try ExampleAudit.logs(text, manifest: ExampleAudit.manifest(manifest)))
    }

    @Test("log samples that cannot be opened make each request check an error naming the path", arguments: requestChecks)
    func unreadableLogs(_ id: String) throws {
        let manifest = "clock:\n  recv_window_ms: 5000\n  offset_alert_ms: 1000\n  logs_offset: true\nconcurrency:\n  private: 2\n  public: 4\n"
        // Decided once, by the auditor, for every item that reads logs.
        let result = try ExampleAudit.item(id, manifest: manifest, logPaths: ["/nonexistent/preflight/bot.log"])
        #expect(result.status == .error, "\(result.summary)")
        #expect(result.summary.contains("/nonexistent/preflight/bot.log"))
    }

    @Test("logs without api_request records never make a request check pass on them", arguments: requestChecks)
    func noRequestsNeverPassOnLogs(_ id: String) throws {
        let logs = try collect(#"{"ts":"2026-11-24T10:00:00Z","event":"heartbeat"}"# + "\n")
        let result = try finding(id, manifest: "", logs: logs)
        #expect(result.status != .pass, "\(result.summary)")
        #expect(!result.evidence.contains { $0.source == .logs && $0.detail.contains("signed requests") })
    }

    @Test("with declared caps and logs that hold no requests, B1 keeps its declared verdict and says why")
    func concurrencyFallsBackToDeclared() throws {
        let logs = try collect(#"{"ts":"2026-11-24T10:00:00Z","event":"heartbeat"}"# + "\n")
        let result = try finding("B1", manifest: "concurrency:\n  private: 2\n  public: 4\n", logs: logs)
        #expect(result.status == .pass)
        #expect(result.basis == .declared)
        #expect(result.details.contains { $0.contains("no api_request records") })
    }

    @Test("E1 follows the policy's field_coverage", arguments: [(coverage: "0.5", expected: Status.pass), ("0.99", .fail)])
    func fieldCoverageThreshold(coverage: String, expected: Status) throws {
        let lines = """
            {"ts":"2026-11-24T10:00:00Z","event":"api_request","endpoint":"/a","status":200,"error_code":null,"attempt":1,"latency_ms":3,"concurrency_inflight":1}
            {"ts":"2026-11-24T10:00:01Z","event":"api_request","endpoint":"/a","status":200,"attempt":1,"latency_ms":3,"concurrency_inflight":1}
            """
        let manifest = "policy:\n  thresholds:\n    field_coverage: \(coverage)\n  reason: sampled logs\n"
        let result = try finding("E1", manifest: manifest, logs: try collect(lines))
        #expect(result.status == expected, "\(result.summary)")
        if expected == .fail {
            #expect(result.summary.contains("error_code on 50%"))
            #expect(result.evidence.contains { $0.source == .logs && $0.location?.line == 2 })
        }
    }

    @Test("a pass resting on the logs is observed, and cites them")
    func observedPassCitesLogs() throws {
        let lines = """
            {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400010,"latency_ms":40,"clock_offset_ms":2,"concurrency_inflight":1}
            """
        let logs = try collect(lines)
        for id in ["A4", "A6", "B1"] {
            let result = try finding(id, manifest: "clock:\n  recv_window_ms: 5000\n  logs_offset: true\n", logs: logs)
            #expect(result.status == .pass, "\(id): \(result.summary)")
            #expect(result.basis == .observed, "\(id)")
        }
    }
}
