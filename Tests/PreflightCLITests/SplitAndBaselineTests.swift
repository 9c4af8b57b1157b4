import Foundation
import Testing

private let defective = PreflightBinary.root + "/fixtures/bots/defective/preflight.yml"
private let ready = PreflightBinary.root + "/fixtures/bots/ready/preflight.yml"

@Suite("collect / evaluate, suppressions, baselines, evidence levels", .serialized)
struct SplitAndBaselineTests {
    @Test(arguments: ["ready", "defective", "partial"])
    func collectThenEvaluateGivesTheAuditReport(_ bot: String) throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest = PreflightBinary.root + "/fixtures/bots/\(bot)/preflight.yml"
        let bundle = scratch.appendingPathComponent("bundle.json").path
        let collect = try PreflightBinary.run(["collect", "--offline", "--manifest", manifest, "--now", fixtureNow, "--output", bundle])
        #expect(collect.status == 0, "\(collect.stderr)")
        let validation = try PreflightBinary.validate(json: bundle, schema: PreflightBinary.root + "/schemas/bundle.schema.json")
        #expect(validation.status == 0, "bundle does not match its schema:\n\(validation.stdout)")

        let audit = try PreflightBinary.run(["audit", "--offline", "--manifest", manifest, "--now", fixtureNow, "--format", "json"])
        let evaluate = try PreflightBinary.run(["evaluate", bundle, "--format", "json"])
        #expect(audit.status == evaluate.status)
        #expect(!audit.stdout.isEmpty)
        #expect(audit.stdout == evaluate.stdout)
    }

    @Test func liveTimeSurvivesTheBundle() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("bundle.json").path
        #expect(try PreflightBinary.run(["collect", "--offline", "--manifest", ready, "--output", bundle]).status == 0)
        let evaluated = try PreflightBinary.run(["evaluate", bundle, "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bundle))) as? [String: Any]
        let collectedAt = try #require((document?["evidence"] as? [String: Any])?["collectedAt"] as? String)
        #expect(collectedAt.count == 24, "millisecond precision: \(collectedAt)")
        #expect(evaluated.stdout.contains("\"generated_at\" : \"\(collectedAt.prefix(19))Z\""))
    }

    @Test(arguments: [
        (#"{"bundleVersion": 3, "producer": {"name": "preflight", "version": "9"}, "evidence": {}}"#, "evidence bundle version 3 is not supported"),
        (#"{"bundle_version": 1, "producer": {"name": "preflight", "version": "0.3.0"}, "evidence": {}}"#, "version 1 was written by an earlier preflight"),
        (#"{"producer": {}}"#, "bundleVersion is missing"),
        (#"[1, 2]"#, "not an evidence bundle"),
        (#"{"bundleVersion": 2, "producer": {"name": "preflight", "version": "0"}, "evidence": {"files": []}}"#, "invalid evidence bundle: evidence.collectedAt: missing"),
    ])
    func badBundlesAreRefusedClearly(_ content: String, _ message: String) throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bundle = scratch.appendingPathComponent("bundle.json").path
        try content.write(toFile: bundle, atomically: true, encoding: .utf8)
        let run = try PreflightBinary.run(["evaluate", bundle])
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func suppressionsFromAFileExpiryStalenessAndTheOffSwitch() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("suppressions.yml").path
        var yaml = "version: 1\nsuppressions:\n"
        // Every item the defective bot fails, but E4.
        let failing = try JSONDecoder().decode(FixtureExpectation.self, from: Data(contentsOf: URL(
            fileURLWithPath: PreflightBinary.root + "/fixtures/bots/defective/expected.json"))).items
            .filter { $0.value == "fail" && $0.key != "E4" }.map(\.key).sorted()
        for id in failing {
            yaml += "  - check: \(id)\n    reason: accepted for the staging run\n    owner: risk\n    expires: 2027-01-31\n"
        }
        yaml += "  - check: E4\n    reason: monitoring lands next sprint\n    expires: 2026-11-01\n"
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        let json = try PreflightBinary.run(["audit", "--offline", "--manifest", defective, "--now", fixtureNow, "--suppressions", file, "--format", "json"])
        // E4's suppression expired, so E4 alone still fails the gate.
        #expect(json.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require(report["items"] as? [[String: Any]])
        let e4 = try #require(items.first { $0["id"] as? String == "E4" })
        #expect(e4["suppressed"] as? Bool == false)
        #expect((e4["suppression"] as? [String: Any])?["expired"] as? Bool == true)
        let b3 = try #require(items.first { $0["id"] as? String == "B3" })
        #expect(b3["status"] as? String == "fail")
        #expect(b3["suppressed"] as? Bool == true)
        #expect((report["gate"] as? [String: Any])?["reasons"] as? [String] == ["E4 health-monitoring is fail"])
        let text = try PreflightBinary.run(["audit", "--offline", "--manifest", defective, "--now", fixtureNow, "--suppressions", file])
        #expect(text.stdout.contains("suppression expired"))

        let off = try PreflightBinary.run(["audit", "--offline", "--manifest", defective, "--now", fixtureNow, "--suppressions", file, "--no-suppressions", "--format", "json"])
        #expect(!off.stdout.contains("\"suppressed\" : true"))

        let stale = try PreflightBinary.run(["audit", "--offline", "--manifest", ready, "--now", fixtureNow, "--suppressions", file, "--format", "json"])
        let staleReport = try #require(try JSONSerialization.jsonObject(with: Data(stale.stdout.utf8)) as? [String: Any])
        // Every ready item that passes leaves its suppression stale; unknown items still use theirs.
        let readyStatuses = try JSONDecoder().decode(FixtureExpectation.self, from: Data(contentsOf: URL(
            fileURLWithPath: PreflightBinary.root + "/fixtures/bots/ready/expected.json"))).items
        let staleCount = (staleReport["stale_suppressions"] as? [[String: Any]])?.count ?? 0
        #expect(staleCount == (failing + ["E4"]).filter { readyStatuses[$0] == "pass" }.count)
        #expect(stale.status == 0)
    }

    @Test func badSuppressionsFileExitsTwoWithItsLine() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("s.yml").path
        try "version: 1\nsuppressions:\n  - check: B3\n    reson: typo\n".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try PreflightBinary.run(["audit", "--offline", "--manifest", ready, "--suppressions", file])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(file):4:5: suppressions[0]: unknown key 'reson'; did you mean 'reason'?"), "\(run.stderr)")
    }

    @Test func baselineFailsOnlyOnNewFindingsAndReportsFixedOnes() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let baseline = scratch.appendingPathComponent("baseline.json").path
        let record = try PreflightBinary.run(["audit", "--offline", "--manifest", defective, "--now", fixtureNow, "--write-baseline", baseline])
        #expect(record.status == 1)
        #expect(try PreflightBinary.run(["audit", "--offline", "--manifest", defective, "--now", fixtureNow, "--baseline", baseline]).status == 0)

        // A fix: the kill switch no longer needs a redeploy (D5 goes from fail to a warn: never exercised).
        var text = try String(contentsOfFile: defective, encoding: .utf8)
        text = text.replacingOccurrences(of: "  kind: redeploy ", with: "  kind: signal\n  target: SIGTERM\n  # ")
        text = text.replacingOccurrences(of: "\nsuppressions:", with: "\nsuppressionz:")
        let changed = scratch.appendingPathComponent("preflight.yml").path
        try text.write(toFile: changed, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: scratch.appendingPathComponent("logs").path,
                                                   withDestinationPath: PreflightBinary.root + "/fixtures/bots/defective/logs")
        let json = try PreflightBinary.run(["audit", "--offline", "--manifest", changed, "--now", fixtureNow, "--baseline", baseline, "--format", "json"])
        #expect(json.status == 0, "\(json.stdout)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let fixed = try #require(report["fixed_since_baseline"] as? [[String: Any]])
        #expect(fixed.map { $0["id"] as? String } == ["D5"])

        // A regression: the ready bot's errors.validation now retries. Against the defective baseline it is
        // unchanged; against the ready bot's own baseline it is new and fails the gate.
        let readyBaseline = scratch.appendingPathComponent("ready-baseline.json").path
        #expect(try PreflightBinary.run(["audit", "--offline", "--manifest", ready, "--now", fixtureNow, "--write-baseline", readyBaseline]).status == 0)
        // The regressed copy lives in a folder of its own beside the ready bot's runbook, flag folder and logs.
        let folder = scratch.appendingPathComponent("ready")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["docs", "run", "logs"] {
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path,
                                                       withDestinationPath: PreflightBinary.root + "/fixtures/bots/ready/" + name)
        }
        let regressed = folder.appendingPathComponent("preflight.yml").path
        let readyText = try String(contentsOfFile: ready, encoding: .utf8).replacingOccurrences(of: "validation: drop", with: "validation: retry")
        try readyText.write(toFile: regressed, atomically: true, encoding: .utf8)
        let gate = try PreflightBinary.run(["audit", "--offline", "--manifest", regressed, "--now", fixtureNow, "--baseline", readyBaseline])
        #expect(gate.status == 1)
        #expect(gate.stdout.contains("C4 validation-error-stops is fail (new since the baseline)"), "\(gate.stdout)")
    }

    @Test func requireObservedTurnsDeclaredPassesIntoWarnings() throws {
        let json = try PreflightBinary.run(["audit", "--offline", "--manifest", ready, "--now", fixtureNow, "--require-observed", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require(report["items"] as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: items.map { ($0["id"] as! String, $0["status"] as! String) })
        // C1 and C4 pass on the manifest alone (no auth or validation failure in the logs), and logs could prove them.
        #expect(status["C1"] == "warn")
        #expect(status["C4"] == "warn")
        // B3 rests on the logs: it stays a pass.
        #expect(status["B3"] == "pass")
        #expect(json.status == 0)
        #expect(try PreflightBinary.run(["audit", "--offline", "--manifest", ready, "--now", fixtureNow, "--require-observed", "--fail-on", "warn"]).status == 1)
        let c1 = try #require(items.first { $0["id"] as? String == "C1" })
        #expect((c1["summary"] as? String ?? "").hasPrefix("only declared evidence: "))
        #expect((c1["remediation"] as? String ?? "").contains("log samples"))
    }
}
