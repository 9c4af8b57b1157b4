import Foundation
import Testing

private let freqtradeConfig = PreflightBinary.root + "/fixtures/frameworks/freqtrade/config.json"
private let hummingbotConfig = PreflightBinary.root + "/fixtures/frameworks/hummingbot/conf/conf_client.yml"

@Suite("Framework adapters: freqtrade and hummingbot", .serialized)
struct FrameworkTests {
    static func audit(_ framework: String, _ config: String, _ extra: [String] = []) throws -> PreflightBinary.Outcome {
        try PreflightBinary.run(["audit", "--offline", "--framework", framework, "--manifest", config, "--now", fixtureNow] + extra)
    }

    static func report(_ run: PreflightBinary.Outcome) throws -> [String: [String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let items = try #require(document["items"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: items.map { ($0["id"] as? String ?? "?", $0) })
    }

    @Test(arguments: [("freqtrade", freqtradeConfig), ("hummingbot", hummingbotConfig)])
    func frameworkFixtureMatchesItsExpectedVerdicts(_ framework: String, _ config: String) throws {
        let folder = PreflightBinary.root + "/fixtures/frameworks/" + framework
        let expectation = try JSONDecoder().decode(
            FixtureExpectation.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/expected.json")))
        let run = try Self.audit(framework, config, ["--format", "json"])
        #expect(run.status == expectation.exitCode, "\(run.stderr)")
        let items = try Self.report(run)
        #expect(items.count == 25)
        for (id, status) in expectation.items {
            #expect(items[id]?["status"] as? String == status, "\(framework) \(id): \(items[id]?["summary"] ?? "")")
        }
    }

    /// `freqtrade new-config` (2026.9) writes the key as exchange.api_key: a secret in the file like exchange.key.
    @Test func aNewConfigWithItsKeyInTheFileFailsA1WithoutShowingIt() throws {
        let config = PreflightBinary.root + "/fixtures/frameworks/freqtrade/new-config.json"
        let run = try Self.audit("freqtrade", config, ["--format", "json"])
        #expect(run.status == 1, "\(run.stderr)")
        let items = try Self.report(run)
        let a1 = try #require(items["A1"])
        #expect(a1["status"] as? String == "fail")
        let places = (a1["evidence"] as? [[String: Any]] ?? []).compactMap { ($0["location"] as? [String: Any])?["field"] as? String }
        #expect(places.contains("exchange.api_key") && places.contains("exchange.secret"), "\(places)")
        #expect(!run.stdout.contains("PLACEHOLDER_API_KEY") && !run.stdout.contains("PLACEHOLDER_SECRET"))
    }

    @Test func freqtradeFailsD2ForItsMissingClientOrderIDsWithAFrameworkFix() throws {
        let items = try Self.report(try Self.audit("freqtrade", freqtradeConfig, ["--format", "json"]))
        let d2 = try #require(items["D2"])
        #expect(d2["status"] as? String == "fail")
        #expect((d2["remediation"] as? String ?? "").contains("freqtrade cancels by the exchange's order id"))
        let b3 = try #require(items["B3"])
        // fetch_order is retried 5 times (exchange/common.py:36): 6 attempts.
        #expect((b3["summary"] as? String ?? "").contains("6 attempts"))
        #expect((b3["remediation"] as? String ?? "").contains("API_FETCH_ORDER_RETRY_COUNT = 5"))
        // The recvWindow and the kill switch come from config.json itself, with their lines.
        let evidence = try #require((items["D5"]?["evidence"] as? [[String: Any]])?.first?["location"] as? [String: Any])
        #expect(evidence["file"] as? String == freqtradeConfig)
        #expect(evidence["line"] as? Int == 35)
    }

    @Test func hummingbotFailsB5BecauseItReconnectsWithoutBackoff() throws {
        let items = try Self.report(try Self.audit("hummingbot", hummingbotConfig, ["--format", "json"]))
        let b5 = try #require(items["B5"])
        #expect(b5["status"] as? String == "fail")
        #expect((b5["summary"] as? String ?? "").contains("no growth"))
        #expect((b5["remediation"] as? String ?? "").contains("hummingbot's connectors reconnect"))
        #expect(items["D2"]?["status"] as? String == "pass")
        // The exchange came from the strategy config beside conf_client.yml.
        #expect(try Self.audit("hummingbot", hummingbotConfig).stdout.contains("on binance"))
    }

    @Test(arguments: [("freqtrade", freqtradeConfig, "CANARY-FREQTRADE-SECRET-0a1b2c", "exchange.secret"),
                      ("hummingbot", hummingbotConfig, "CANARY-HB-TELEGRAM-77e1", "telegram_mode.telegram_token")])
    func secretsInAFrameworkConfigAreFindingsButNeverShown(_ framework: String, _ config: String, _ canary: String, _ key: String) throws {
        #expect(try String(contentsOfFile: config, encoding: .utf8).contains(canary))
        for format in ["text", "json", "sarif", "markdown"] {
            let run = try Self.audit(framework, config, ["--format", format])
            #expect(!run.stdout.contains(canary) && !run.stderr.contains(canary))
            #expect(run.stdout.contains(key), "\(format) must name where the secret is")
        }
    }

    @Test(arguments: [
        ["init", "--output", "-"],
        ["init", "--from-framework", "freqtrade", freqtradeConfig, "--output", "-"],
        ["init", "--from-framework", "hummingbot", hummingbotConfig, "--output", "-"],
    ])
    func initRoundTripsIntoAValidManifest(_ arguments: [String]) throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try PreflightBinary.run(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        for section in ["bot:", "credentials:", "clock:", "concurrency:", "retry:", "errors:", "circuit_breakers:", "streams:",
                        "recovery:", "orders:", "kill_switch:", "monitoring:", "logs:"] {
            #expect(run.stdout.contains("\n\(section)"), "missing section \(section)")
        }
        #expect(!run.stdout.contains("CANARY"), "init must not copy a secret")
        // As written, untouched: a first run must load what init wrote.
        let text = run.stdout
        let manifest = scratch.appendingPathComponent("preflight.yml").path
        try text.write(toFile: manifest, atomically: true, encoding: .utf8)
        let audit = try PreflightBinary.run(["audit", "--offline", "--manifest", manifest, "--now", fixtureNow, "--format", "json"])
        #expect(audit.status == 0 || audit.status == 1, "the written manifest must load: \(audit.stderr)")
        #expect(audit.stderr.isEmpty)
    }

    @Test func initDerivesWhatItCanFromFreqtrade() throws {
        let run = try PreflightBinary.run(["init", "--from-framework", "freqtrade", freqtradeConfig, "--output", "-"])
        #expect(run.stdout.contains("  exchange: binance"))
        #expect(run.stdout.contains("  recv_window_ms: 10000"))
        #expect(run.stdout.contains("  max_attempts: 6   # from API_FETCH_ORDER_RETRY_COUNT = 5, docs/frameworks.md#freqtrade"))
        #expect(run.stdout.contains("  # offset_alert_ms: 1000   # decide:"))
    }

    @Test func initWithoutAFrameworkWritesAManifestThatLoadsAndSaysWhatToFillIn() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = scratch.appendingPathComponent("preflight.yml").path
        let run = try PreflightBinary.run(["init", "--output", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("bot.name and bot.exchange"), "\(run.stderr)")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("  name: \"my-bot\"   # fill in"))
        let audit = try PreflightBinary.run(["audit", "--offline", "--manifest", path, "--now", fixtureNow])
        #expect(audit.status == 1, "a blank manifest loads, and its gate fails for want of evidence: \(audit.stderr)")
        #expect(audit.stdout.contains("no item could be evaluated"), "\(audit.stdout)")
    }

    @Test func initRefusesToOverwrite() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = scratch.appendingPathComponent("preflight.yml").path
        try "keep me".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try PreflightBinary.run(["init", "--output", path])
        #expect(run.status == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test func unsupportedFrameworkExchangeIsAClearInputError() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = scratch.appendingPathComponent("config.json").path
        try #"{"exchange": {"name": "gate"}}"#.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try Self.audit("freqtrade", path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(path):1:23: exchange.name: freqtrade exchange 'gate' is not one preflight audits"), "\(run.stderr)")
    }
}

@Suite("Framework plain-text logs")
struct FrameworkTextLogTests {
    static func logSamples(_ framework: String, _ config: String, _ log: String) throws -> (summary: [String: Any], items: [String: [String: Any]]) {
        let run = try PreflightBinary.run([
            "audit", "--offline", "--framework", framework, "--manifest", config, "--logs", log, "--now", fixtureNow, "--format", "json",
        ])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let summary = try #require(document["log_samples"] as? [String: Any])
        let items = try #require(document["items"] as? [[String: Any]])
        return (summary, Dictionary(uniqueKeysWithValues: items.map { ($0["id"] as? String ?? "?", $0) }))
    }

    /// A real freqtrade 2026.9 run (fixtures/frameworks/freqtrade/logs/README.md): what its log can and cannot show.
    @Test func aRealFreqtradeLogIsReadForWhatItCanShow() throws {
        let (summary, items) = try Self.logSamples("freqtrade", freqtradeConfig, PreflightBinary.root + "/fixtures/frameworks/freqtrade/logs/live.log")
        let kinds = try #require(summary["events_by_kind"] as? [String: Int])
        #expect(kinds["heartbeat"] == 4 && kinds["startup"] == 1 && kinds["reconcile"] == 1)
        #expect(kinds["order_submit"] == 8 && kinds["order_cancel"] == 7 && kinds["api_request"] == 9)
        #expect((summary["bad_input"] as? [Any])?.isEmpty == true)
        let source = try #require((summary["sources"] as? [[String: Any]])?.first)
        #expect(source["request_log"] as? String == "framework_text")
        #expect(source["unrecognised_lines"] as? Int == 0)
        func status(_ id: String) -> String? { items[id]?["status"] as? String }
        // The -1021 line carries no request timestamp: stale or a clock offset cannot be told.
        #expect(status("A4") == "unknown")
        // freqtrade retries fetch_order after -2013 (its own line says so), and halts on nothing.
        #expect(status("C4") == "fail" && status("C1") == "fail")
        // A text log never records every request, and freqtrade cancels by the exchange's order id.
        #expect(status("E1") == "fail" && status("D2") == "fail")
        #expect(status("D1") == "pass")
    }

    @Test func hummingbotLogLinesBecomeEvents() throws {
        let (summary, items) = try Self.logSamples("hummingbot", hummingbotConfig, PreflightBinary.root + "/fixtures/frameworks/hummingbot/logs_hummingbot.log")
        let kinds = try #require(summary["events_by_kind"] as? [String: Int])
        #expect(kinds["order_submit"] == 2 && kinds["order_cancel"] == 1 && kinds["startup"] == 1)
        #expect(kinds["ws_disconnect"] == 1 && kinds["ws_reconnect_attempt"] == 2 && kinds["ws_connect"] == 3)
        #expect(kinds["api_request"] == 1)
        func status(_ id: String) -> String? { items[id]?["status"] as? String }
        // A -1021 on a record without its request timestamp: not A4's to judge.
        #expect(status("A4") == "unknown")
        #expect(status("B5") == "fail")
        // The disconnect line names a close code, never how long the stream had been silent or up.
        #expect(status("E2") == "fail")
        #expect(status("D2") == "pass")
    }
}
