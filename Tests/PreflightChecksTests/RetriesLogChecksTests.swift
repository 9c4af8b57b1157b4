import Foundation
@testable import PreflightChecks
import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

/// How the retry items weigh observed logs against the declared manifest.
@Suite("Retry items: observed outranks declared")
struct RetriesLogChecksTests {
    static let start: Int64 = 1_795_514_400_000

    static func request(_ ms: Int, _ fields: String) -> String {
        "{\"ts\":\(start + Int64(ms)),\"event\":\"api_request\",\(fields)}\n"
    }

    /// Audits `id` with `manifest` and the log `text` (or the file at `logPath`), read by the real collector.
    func finding(_ id: String, manifest: String, logs text: String?, logPath: String? = nil) throws -> ReportItem {
        try ExampleAudit.item(id, manifest: manifest, logs: text, logPaths: logPath.map { [$0] })
    }

    @Test func logsContradictingTheBudgetSayBothAndCiteTheLogFirst() throws {
        var text = ""
        for attempt in 1...5 {
            text += Self.request(attempt * 1000, #""endpoint":"/api/v3/order","status":\#(attempt < 5 ? 503 : 200),"attempt":\#(attempt),"request_id":"r1""#)
        }
        let item = try finding("B3", manifest: "retry:\n  max_attempts: 3\n", logs: text)
        #expect(item.status == .fail)
        #expect(item.summary.hasPrefix("declares max 3 attempts; logs show 5 attempts on /api/v3/order at "))
        #expect(item.summary.contains("bot.log:5"))
        #expect(item.evidence.first?.source == .logs)
        #expect(item.evidence.contains { $0.source == .manifest })
    }

    @Test func observedHaltOverrulesADeclaredRetry() throws {
        // A log of every request (successes too), so that "not retried" is something it can show.
        let text = Self.request(-1000, #""endpoint":"/api/v3/depth","status":200"#)
            + Self.request(0, #""endpoint":"/api/v3/account","status":401,"request_id":"a""#)
            + "{\"ts\":\(Self.start + 500),\"event\":\"kill_switch\"}\n"
            + "{\"ts\":\(Self.start + 120_000),\"event\":\"heartbeat\"}\n"
        let item = try finding("C1", manifest: "errors:\n  auth: retry\n", logs: text)
        #expect(item.status == .pass)
        #expect(item.details.contains { $0.contains("errors.auth: retry") && $0.contains("the logs show otherwise and decide") })
    }

    @Test func tooFewChainsLeaveADeclaredFailureStanding() throws {
        let text = Self.request(0, #""endpoint":"/o","status":503,"attempt":1,"request_id":"a""#)
            + Self.request(700, #""endpoint":"/o","status":200,"attempt":2,"request_id":"a""#)
        let item = try finding("B4", manifest: "retry:\n  backoff:\n    kind: constant\n    base_ms: 1000\n    jitter: full\n", logs: text)
        #expect(item.status == .fail)
        #expect(item.summary.contains("not exponential"))
        #expect(item.details.contains { $0.contains("too few retry chains") && $0.contains("1 delays before attempt 2") })
    }

    /// Logs of failures only may omit a retry that succeeded: no retry seen is not no retry made (C1 and C4
    /// word it the same way, through RetryLogObservation.noRetrySeen).
    @Test(arguments: [
        ("C1", "errors:\n  auth: halt\n", #""endpoint":"/api/v3/account","status":401,"request_id":"a""#, "auth failures"),
        ("C4", "errors:\n  validation: drop\n", #""endpoint":"/api/v3/order","status":400,"code":-1013,"request_id":"a""#, "validation errors"),
    ])
    func failuresOnlyLogsCannotShowNoRetryWasMade(_ id: String, _ manifest: String, _ failed: String, _ plural: String) throws {
        // An escalation, and a later record, so that C1's escalation window is judged and met.
        let later = "{\"ts\":\(Self.start + 500),\"event\":\"kill_switch\"}\n{\"ts\":\(Self.start + 120_000),\"event\":\"heartbeat\"}\n"
        let item = try finding(id, manifest: manifest, logs: Self.request(0, failed) + later)
        #expect(item.status == .pass)
        #expect(item.details.contains { $0.contains("show no retry after their 1 \(plural), but they may omit attempts") && $0.contains("so they cannot show none was made") })
    }

    /// A declared count under 1 cannot work, whatever the limit: B3, B1 and A3 say so in one shape.
    @Test(arguments: [
        ("B3", "retry:\n  max_attempts: 0\n", "retry.max_attempts is 0; a request needs at least 1 attempt"),
        ("B1", "concurrency:\n  private: 0\n  public: 4\n", "concurrency.private is 0; a cap needs at least 1 request in flight"),
        ("A3", "credentials:\n  rotation:\n    runbook: docs/key-rotation.md\n    interval_days: 0\n",
         "credentials.rotation.interval_days is 0; an interval needs at least 1 day"),
    ])
    func aDeclaredCountUnderOneFails(_ id: String, _ manifest: String, _ summary: String) throws {
        let item = try finding(id, manifest: manifest, logs: nil)
        #expect(item.status == .fail)
        #expect(item.summary == summary)
        #expect(item.remediation?.contains("to a value from 1 to") == true)
    }

    @Test func logsWithoutRequestsFallBackToTheDeclaredVerdict() throws {
        let text = "{\"ts\":\(Self.start),\"event\":\"heartbeat\"}\n"
        let item = try finding("C4", manifest: "errors:\n  validation: drop\n", logs: text)
        #expect(item.status == .pass)
        #expect(item.details.contains("the logs hold no api_request, order_submit or order_cancel records"))
        #expect(!item.details.contains { $0.contains(MissingEvidence.logs) })
    }

    @Test("an unreadable log is an error for the retry items", arguments: ["B2", "B3", "B4", "C1", "C2", "C3", "C4"])
    func unreadableLogsAreAnError(_ id: String) throws {
        let item = try finding(id, manifest: "errors:\n  auth: halt\n", logs: nil, logPath: "/nonexistent/preflight/bot.log")
        #expect(item.status == .error)
        #expect(item.summary.contains("/nonexistent/preflight/bot.log"))
        #expect(item.summary.contains("No such file or directory"))
    }
}
