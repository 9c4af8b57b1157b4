import Foundation
import Testing

/// The verdicts a fixture bot must get, from its `expected.json`.
struct FixtureExpectation: Decodable {
    var exitCode: Int32
    var gatePassed: Bool
    var items: [String: String]

    enum CodingKeys: String, CodingKey {
        case exitCode = "exit_code", gatePassed = "gate_passed", items
    }
}

let fixtureNow = "2026-11-25T00:00:00Z"

@Suite("preflight audit on the fixture bots", .serialized)
struct FixtureAuditTests {
    @Test(arguments: ["ready", "defective", "partial"])
    func fixtureMatchesItsExpectedVerdicts(_ bot: String) throws {
        let folder = PreflightBinary.root + "/fixtures/bots/" + bot
        let expectation = try JSONDecoder().decode(
            FixtureExpectation.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/expected.json")))
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let reportPath = scratch.appendingPathComponent("report.json").path

        let run = try PreflightBinary.run([
            "audit", "--offline", "--manifest", folder + "/preflight.yml", "--now", fixtureNow, "--format", "json", "--output", reportPath,
        ])
        #expect(run.status == expectation.exitCode, "stderr: \(run.stderr)")

        let validation = try PreflightBinary.validate(json: reportPath, schema: PreflightBinary.root + "/schemas/report.schema.json")
        #expect(validation.status == 0, "report does not match the schema:\n\(validation.stdout)")

        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportPath))) as? [String: Any])
        let items = try #require(report["items"] as? [[String: Any]])
        #expect(items.count == 25)
        var actual: [String: String] = [:]
        for item in items { actual[item["id"] as? String ?? "?"] = item["status"] as? String }
        for (id, status) in expectation.items.sorted(by: { $0.key < $1.key }) {
            #expect(actual[id] == status, "\(bot) \(id): expected \(status), got \(actual[id] ?? "nothing")")
        }
        #expect(Set(expectation.items.keys) == Set(actual.keys), "expected.json must name every item")
        let gate = try #require(report["gate"] as? [String: Any])
        #expect(gate["passed"] as? Bool == expectation.gatePassed)
        #expect(report["generated_at"] as? String == fixtureNow)
    }

    @Test func twoRunsOnTheSameEvidenceAreIdentical() throws {
        let manifest = PreflightBinary.root + "/fixtures/bots/defective/preflight.yml"
        let first = try PreflightBinary.run(["audit", "--offline", "--manifest", manifest, "--now", fixtureNow, "--format", "json"])
        let second = try PreflightBinary.run(["audit", "--offline", "--manifest", manifest, "--now", fixtureNow, "--format", "json"])
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.isEmpty)
    }

    @Test func theInlineSecretIsReportedButNeverPrinted() throws {
        let manifest = PreflightBinary.root + "/fixtures/bots/defective/preflight.yml"
        let canary = "CANARY-SECRET-7f3a9c1e5b"
        #expect(try String(contentsOfFile: manifest, encoding: .utf8).contains(canary), "the fixture must hold the canary")
        for format in ["text", "json"] {
            let run = try PreflightBinary.run(["audit", "--offline", "--manifest", manifest, "--now", fixtureNow, "--format", format])
            #expect(run.status == 1)
            #expect(!run.stdout.contains(canary) && !run.stderr.contains(canary))
            #expect(run.stdout.contains("credentials.api_secret"), "the finding must name where the secret is")
        }
    }

    @Test func textReportFitsEightyColumnsAndPutsFailuresFirst() throws {
        let run = try PreflightBinary.run([
            "audit", "--offline", "--manifest", PreflightBinary.root + "/fixtures/bots/defective/preflight.yml", "--now", fixtureNow,
        ])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines where line.count > 80 {
            // Only an unbreakable token (a long path) may overflow.
            #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "), "line over 80 columns: \(line)")
        }
        #expect(!run.stdout.contains("\u{1B}["), "no colour when NO_COLOR is set and stdout is not a terminal")
        #expect(run.stdout.contains("Score "))
        #expect(run.stdout.contains("evaluated "))
        let section = try #require(run.stdout.range(of: "A. Auth and connectivity"))
        let rest = run.stdout[section.upperBound...]
        let firstFail = try #require(rest.range(of: "FAIL"))
        let firstUnknown = try #require(rest.range(of: "UNKNOWN"))
        #expect(firstFail.lowerBound < firstUnknown.lowerBound)
        #expect(run.stdout.contains("fix: "))
    }

    @Test func readyBotPassesTheGateWithTheDefaultOptions() throws {
        let run = try PreflightBinary.run(["audit", "--offline", "--manifest", PreflightBinary.root + "/fixtures/bots/ready/preflight.yml", "--now", fixtureNow])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("gate PASSED"))
    }

    @Test func gateOptionsChangeTheExitCode() throws {
        let ready = PreflightBinary.root + "/fixtures/bots/ready/preflight.yml"
        let partial = PreflightBinary.root + "/fixtures/bots/partial/preflight.yml"
        #expect(try PreflightBinary.run(["audit", "--offline", "--manifest", ready, "--now", fixtureNow, "--min-coverage", "100"]).status == 1)
        #expect(try PreflightBinary.run(["audit", "--offline", "--manifest", partial, "--now", fixtureNow, "--min-coverage", "50"]).status == 1)
        // The partial bot evaluates 5 of 25: under the default minimum coverage of 50% its gate fails.
        #expect(try PreflightBinary.run(["audit", "--offline", "--manifest", partial, "--now", fixtureNow, "--fail-on", "never"]).status == 1)
        #expect(try PreflightBinary.run(["audit", "--offline", "--manifest", partial, "--now", fixtureNow, "--fail-on", "never", "--min-coverage", "0"]).status == 0)
        let defective = PreflightBinary.root + "/fixtures/bots/defective/preflight.yml"
        #expect(try PreflightBinary.run(["audit", "--offline", "--manifest", defective, "--now", fixtureNow, "--fail-on", "never"]).status == 0)
        #expect(try PreflightBinary.run(["audit", "--offline", "--manifest", defective, "--now", fixtureNow, "--fail-on", "never", "--min-score", "90"]).status == 1)
        let only = try PreflightBinary.run(["audit", "--offline", "--manifest", defective, "--now", fixtureNow, "--only", "A5,D5", "--skip", "D5", "--format", "json"])
        // A5 alone is unknown without host evidence: 0 of 1 evaluated fails the gate.
        #expect(only.status == 1)
        #expect(only.stdout.contains("\"total\" : 1"))
    }

    @Test func reportFlagWritesSeveralFormatsInOneRun() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let json = scratch.appendingPathComponent("r.json").path, text = scratch.appendingPathComponent("r.txt").path
        let run = try PreflightBinary.run([
            "audit", "--offline", "--manifest", PreflightBinary.root + "/fixtures/bots/ready/preflight.yml", "--now", fixtureNow,
            "--report", "json=\(json)", "--report", "text=\(text)",
        ])
        #expect(run.status == 0)
        #expect(try String(contentsOfFile: json, encoding: .utf8).contains("\"schema_version\""))
        #expect(try String(contentsOfFile: text, encoding: .utf8).contains("Score "))
    }
}
