import Foundation
import Testing

/// A real freqtrade 2026.9, configured as a user configures it (`create-userdir`, the recorded
/// `new-config` output edited per the README's recipe: fixtures/frameworks/freqtrade/drill), trading
/// against the stand-in under the quick drill. Each item's verdict is what the wire shows of
/// freqtrade's own design, for that reason.
@Suite("preflight drill on a live freqtrade", .serialized)
struct FreqtradeDrillTests {
    /// The verdict each item must get, and a phrase its summary or details must hold: the reason.
    static let expected: [(id: String, status: String, reason: String)] = [
        // Its api_server JWT secret is written into config.json by new-config.
        ("A1", "fail", "api_server.jwt_secret_key"),
        // It never re-reads the server time after a -1021.
        ("A6", "fail", "did not re-measure its clock offset"),
        // ccxt's retrier ignores Retry-After and backs off quadratically, with no jitter, counting down.
        ("B2", "fail", "sooner than Retry-After"),
        ("B3", "fail", "attempts"),
        ("B4", "fail", "quadratic"),
        // A -1021 is retried as if it were temporary, again and again, with the same stale clock.
        ("C1", "fail", "-1021"),
        // No circuit breaker: it keeps sending after the key is revoked.
        ("C5", "fail", "no auth breaker opened"),
        // Placements carry ccxt's x-TKT5PX2F… id, but cancels go by the exchange's order id.
        ("D2", "fail", "cancellations go by the exchange's order id"),
        // Its log lines are not request records: the wire saw far more requests than it logged.
        ("E1", "fail", "unlogged"),
        // Within its caps (one request at a time).
        ("B1", "pass", "within the caps"),
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
        for (id, status, reason) in Self.expected {
            let item = try #require(items[id], "no \(id)")
            let text = ([item["summary"] as? String ?? ""] + (item["details"] as? [String] ?? [])).joined(separator: "\n")
            #expect(item["status"] as? String == status, "freqtrade \(id): \(text)")
            #expect(text.contains(reason), "freqtrade \(id) \(status), but not for its reason (\(reason)): \(text)")
        }
        // It traded: placements reached the stand-in, and the phases that need orders were exercised.
        let phases = (report["drill"] as? [String: Any])?["phases"] as? [[String: Any]] ?? []
        let exercised = Set(phases.filter { $0["exercised"] as? Bool == true }.compactMap { $0["name"] as? String })
        #expect(exercised.isSuperset(of: ["rate_limit", "lost_response", "clock_skew", "crash"]), "\(exercised)")
    }
}
