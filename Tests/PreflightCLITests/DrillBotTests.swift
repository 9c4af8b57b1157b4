import Foundation
import Testing

/// Real bots nobody here wrote the client of (ccxt's binance class and Python's websockets, from PyPI)
/// drilled with the quick scenario against the stand-in: the careful one passes what the drill exercises,
/// the naive one fails each of those items for its own reason, every wire verdict names its phase, and the
/// drill's bundle evaluates to the same report.
@Suite("preflight drill on ccxt bots", .serialized)
struct DrillBotTests {
    /// The items the quick scenario judges from the wire, and what each bot must get.
    static let careful: [String: String] = [
        "A6": "pass", "B1": "pass", "B2": "pass", "B3": "pass", "B5": "pass", "C1": "pass", "C2": "pass", "C3": "pass", "C4": "pass",
        "C5": "pass", "D1": "pass", "D2": "pass", "D3": "pass", "D4": "pass", "D5": "pass", "E4": "pass",
        // Too few chains reach a third attempt in a minute to judge jitter: unknown, never a pass.
        "B4": "unknown",
    ]
    static let naive: [String: String] = [
        "A6": "fail", "B2": "fail", "B3": "fail", "B4": "fail", "B5": "fail", "C1": "fail", "C2": "fail", "C3": "fail", "C4": "fail", "C5": "fail",
        "D1": "fail", "D2": "fail", "D3": "fail", "D5": "fail", "E4": "fail",
    ]

    struct Drilled {
        var status: Int32
        var items: [String: [String: Any]]
        var reportText: String
        var drill: [String: Any]?
        var bundle: String
        var stderr: String
        var html: String
    }

    static func drill(_ bot: String) async throws -> Drilled {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-drill-\(bot)-\(UUID().uuidString)").path
        let bundle = directory + "/bundle.json"
        let outcome = try await PreflightBinary.runOffThePool([
            "drill", "--manifest", "fixtures/drill/\(bot).yml", "--scenario", "quick", "--directory", directory,
            "--bundle", bundle, "--format", "json", "--report", "html=\(directory)/report.html",
            "--", "python3", "fixtures/drill/bots/\(bot)_bot.py",
        ])
        let report = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any] ?? [:]
        let list = report["items"] as? [[String: Any]] ?? []
        var items: [String: [String: Any]] = [:]
        for item in list { if let id = item["id"] as? String { items[id] = item } }
        return Drilled(
            status: outcome.status, items: items, reportText: outcome.stdout, drill: report["drill"] as? [String: Any], bundle: bundle,
            stderr: outcome.stderr, html: directory + "/report.html"
        )
    }

    static func requireClients() throws {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import ccxt, websockets"]
        try probe.run()
        probe.waitUntilExit()
        try #require(probe.terminationStatus == 0, "the drill bots need ccxt and websockets: python3 -m pip install ccxt==4.5.90 websockets==17.4")
    }

    static func expect(_ drilled: Drilled, _ expected: [String: String], bot: String) throws {
        for (id, status) in expected.sorted(by: { $0.key < $1.key }) {
            let item = try #require(drilled.items[id], "\(bot): no \(id) in the report")
            let details = (item["details"] as? [String] ?? []).joined(separator: "\n")
            #expect(item["status"] as? String == status, "\(bot) \(id): \(item["summary"] ?? "") \(details)")
            if status != "unknown" {
                #expect(details.contains("drill phase"), "\(bot) \(id) names no drill phase: \(details)")
            }
        }
    }

    static func evaluatesToTheSameReport(_ drilled: Drilled) throws {
        let again = try PreflightBinary.run(["evaluate", drilled.bundle, "--format", "json"])
        #expect(again.status == drilled.status)
        #expect(again.stdout == drilled.reportText, "evaluate of the drill's bundle gave another report")
    }

    @Test func theCarefulBotPassesWhatTheQuickDrillExercises() async throws {
        try Self.requireClients()
        let drilled = try await Self.drill("careful")
        try Self.expect(drilled, Self.careful, bot: "careful")
        #expect(drilled.status == 0, "careful: \(drilled.stderr.suffix(800))")
        try Self.evaluatesToTheSameReport(drilled)
        let schema = PreflightBinary.root + "/schemas/report.schema.json"
        let reportFile = FileManager.default.temporaryDirectory.appendingPathComponent("drill-report-\(UUID().uuidString).json").path
        try drilled.reportText.write(toFile: reportFile, atomically: true, encoding: .utf8)
        let valid = try PreflightBinary.validate(json: reportFile, schema: schema)
        #expect(valid.status == 0, "\(valid.stdout)")
        let bundleValid = try PreflightBinary.validate(json: drilled.bundle, schema: PreflightBinary.root + "/schemas/bundle.schema.json")
        #expect(bundleValid.status == 0, "\(bundleValid.stdout)")
        let drill = try #require(drilled.drill)
        #expect(drill["scenario"] as? String == "quick")
        let phases = drill["phases"] as? [[String: Any]] ?? []
        #expect(phases.map { $0["name"] as? String ?? "" } == ["warm-up", "rate_limit", "platform_error", "lost_response", "validation", "clock_skew", "ws_disconnect", "sequence_gap", "crash", "kill_switch", "auth_revoked"])
        #expect(phases.allSatisfy { $0["exercised"] as? Bool == true }, "a quick phase the careful bot never met: \(phases)")
        try Self.rendersInABrowser(drilled)
    }

    /// The drill's HTML report in headless Chromium: every section, every timeline drawn, the phases shaded.
    static func rendersInABrowser(_ drilled: Drilled) throws {
        guard FileManager.default.isExecutableFile(atPath: HeadlessChromium.path) else {
            Issue.record("needs a headless browser: apt-get install chromium")
            return
        }
        let html = try String(contentsOfFile: drilled.html, encoding: .utf8)
        let dom = try HeadlessChromium.dom(drilled.html)
        HeadlessChromium.expectRenderedReport(html, dom: dom)
        for phase in ["rate_limit", "crash", "kill_switch"] {
            #expect(dom.contains("<title>\(phase)</title>"), "the timelines do not shade the \(phase) phase")
        }
        #expect(dom.contains("from the drill wire"))
    }

    /// The standard scenario's crash in the middle of a lost answer, alone: the stand-in books an order and
    /// drops its answer, the drill kills the bot at once; the restarted careful bot finds the order before
    /// placing again.
    @Test func aCrashRightAfterALostAnswerFindsTheCarefulBotReconciling() async throws {
        try Self.requireClients()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-drill-crash-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let scenario = directory + "/crash.yml"
        try """
            version: 1
            name: crash-on-lost-answer
            phases:
              - {name: warm-up, at: 0s, window: 6s}
              - {name: crash_lost_response, at: 6s, window: 14s, fault: crash, on: lost_response}
            """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let outcome = try await PreflightBinary.runOffThePool([
            "drill", "--manifest", "fixtures/drill/careful.yml", "--scenario", scenario, "--directory", directory + "/run",
            "--format", "json", "--", "python3", "fixtures/drill/bots/careful_bot.py",
        ])
        let report = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any] ?? [:]
        let items = (report["items"] as? [[String: Any]] ?? []).reduce(into: [String: [String: Any]]()) { $0[$1["id"] as? String ?? ""] = $1 }
        let d1 = try #require(items["D1"])
        #expect(d1["status"] as? String == "pass", "\(d1["summary"] ?? "") \(d1["details"] ?? "")")
        let summary = d1["summary"] as? String ?? ""
        #expect(summary.contains("SIGKILL with") && !summary.contains("with 0 orders"), "the crash did not catch the booked order: \(summary)")
        let wire = try String(contentsOfFile: directory + "/run/wire.jsonl", encoding: .utf8)
        let lost = try #require(wire.range(of: "\"error_code\":\"response_lost_timeout\""), "no answer was withheld")
        let kill = try #require(wire.range(of: "\"event\":\"bot_kill\""))
        #expect(lost.lowerBound < kill.lowerBound, "the kill came before the lost answer")
    }

    @Test func theNaiveBotFailsEachExercisedItemForItsOwnReason() async throws {
        try Self.requireClients()
        let drilled = try await Self.drill("naive")
        try Self.expect(drilled, Self.naive, bot: "naive")
        #expect(drilled.status == 1)
        let summaries = Self.naive.keys.sorted().compactMap { drilled.items[$0]?["summary"] as? String }
        #expect(Set(summaries).count == summaries.count, "two items failed with the same summary: \(summaries)")
        #expect((drilled.items["D2"]?["summary"] as? String)?.contains("twice") == true)
        // After the crash it traded before asking about its orders, and placed again what was left open.
        let restart = (drilled.items["D1"]?["details"] as? [String] ?? []).joined(separator: "\n")
        #expect(restart.contains("came before any order query") && restart.contains("which the killed process left open"), "\(restart)")
        #expect((drilled.items["D5"]?["summary"] as? String)?.contains("after the kill switch") == true)
        #expect((drilled.items["E4"]?["summary"] as? String)?.contains("answered none") == true)
        try Self.evaluatesToTheSameReport(drilled)
    }
}
