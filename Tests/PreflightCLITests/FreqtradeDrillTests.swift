import Foundation
import Testing

/// A real freqtrade 2026.9, configured as a user configures it (`create-userdir`, the recorded
/// `new-config` output edited per the README's recipe: fixtures/frameworks/freqtrade/drill), trading
/// against the stand-in under the quick drill. Each item's verdict is what the wire shows of
/// freqtrade's own design, for that reason.
/// In the ccxt bots' suite, so that no two drills share the machine's two cores.
extension DrillBotTests {
    /// The verdict each item must get, a phrase its summary or details must hold (the reason), and the
    /// phase that must have been exercised for the wire to show it (when it was not, the item must not pass).
    static let freqtradeExpected: [(id: String, status: String, reason: String, needs: String?)] = [
        // Its api_server JWT secret is written into config.json by new-config.
        ("A1", "fail", "api_server.jwt_secret_key", nil),
        // It never re-reads the server time after a -1021.
        ("A6", "fail", "did not re-measure its clock offset", "clock_skew"),
        // ccxt's retrier ignores Retry-After and backs off quadratically, with no jitter, counting down.
        ("B2", "fail", "sooner than Retry-After", "rate_limit"),
        ("B3", "fail", "attempts", nil),
        ("B4", "fail", "quadratic", nil),
        // A -1021 is retried as if it were temporary, again and again, with the same stale clock.
        ("C1", "fail", "-1021", "clock_skew"),
        // No circuit breaker: it keeps sending after the failures a breaker should stop.
        ("C5", "fail", "breaker opened", "rate_limit"),
        // Placements carry ccxt's x-TKT5PX2F… id, but freqtrade cancels by the exchange's order id.
        ("D2", "fail", "client order id", nil),
        // Its log lines are not request records: the wire saw far more requests than it logged.
        ("E1", "fail", "unlogged", nil),
        // Within its caps (one request at a time).
        ("B1", "pass", "within the caps", nil),
    ]

    static func python() -> String? {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import freqtrade, sys; print(sys.executable)"]
        let out = Pipe()
        probe.standardOutput = out
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        probe.waitUntilExit()
        return probe.terminationStatus == 0 && !text.isEmpty ? text : nil
    }

    static func shell(_ executable: String, _ arguments: [String], stdout: String? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let stdout {
            FileManager.default.createFile(atPath: stdout, contents: nil)
            process.standardOutput = FileHandle(forWritingAtPath: stdout)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func aLiveFreqtradeGetsTheVerdictsItsDesignEarns() async throws {
        let python = try #require(Self.python(), "needs freqtrade: python3 -m pip install freqtrade==2026.9")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-freqtrade-\(UUID().uuidString)").path
        let userdir = folder + "/user_data"
        #expect(try Self.shell(python, ["-m", "freqtrade", "create-userdir", "--userdir", userdir]) == 0)
        let recipe = PreflightBinary.root + "/fixtures/frameworks/freqtrade/drill"
        try FileManager.default.copyItem(atPath: recipe + "/strategies/DrillStrategy.py", toPath: userdir + "/strategies/DrillStrategy.py")
        let port = Int.random(in: 20_000...60_000)
        let config = userdir + "/config.json"
        #expect(try Self.shell(python, [recipe + "/user-config.py", String(port), userdir], stdout: config) == 0)

        let outcome = try await PreflightBinary.runOffThePool([
            "drill", "--framework", "freqtrade", "--manifest", config, "--scenario", "quick", "--listen", "127.0.0.1:\(port)",
            "--directory", folder + "/drill", "--format", "json",
            "--", python, "-m", "freqtrade", "trade", "--config", config, "--userdir", userdir, "--strategy", "DrillStrategy",
        ])
        #expect(outcome.status == 1, "\(outcome.stderr.suffix(800))")
        let report = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any] ?? [:]
        var items: [String: [String: Any]] = [:]
        for item in report["items"] as? [[String: Any]] ?? [] { if let id = item["id"] as? String { items[id] = item } }
        let phases = (report["drill"] as? [String: Any])?["phases"] as? [[String: Any]] ?? []
        let exercised = Set(phases.filter { $0["exercised"] as? Bool == true }.compactMap { $0["name"] as? String })
        for (id, status, reason, needs) in Self.freqtradeExpected {
            let item = try #require(items[id], "no \(id)")
            let text = ([item["summary"] as? String ?? ""] + (item["details"] as? [String] ?? [])).joined(separator: "\n")
            if let needs, !exercised.contains(needs) {
                // freqtrade's loop did not meet the fault this time: no verdict from the wire, and never a pass.
                #expect(item["status"] as? String != "pass" || status == "pass", "freqtrade \(id) passed though \(needs) never bit: \(text)")
                continue
            }
            #expect(item["status"] as? String == status, "freqtrade \(id): \(text)")
            #expect(text.contains(reason), "freqtrade \(id) \(status), but not for its reason (\(reason)): \(text)")
        }
        // It traded: placements reached the stand-in, and the crash found it running.
        #expect(exercised.isSuperset(of: ["warm-up", "crash"]), "\(exercised)")
    }
}
