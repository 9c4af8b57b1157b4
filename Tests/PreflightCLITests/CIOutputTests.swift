import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

private let defective = PreflightBinary.root + "/fixtures/bots/defective/preflight.yml"
private let ready = PreflightBinary.root + "/fixtures/bots/ready/preflight.yml"

/// How many of the defective bot's items end in each status, from its expected.json.
private func defectiveCount(_ statuses: Set<String>) throws -> Int {
    let expectation = try JSONDecoder().decode(
        FixtureExpectation.self,
        from: Data(contentsOf: URL(fileURLWithPath: PreflightBinary.root + "/fixtures/bots/defective/expected.json")))
    return expectation.items.values.filter { statuses.contains($0) }.count
}

@Suite("CI outputs: SARIF, JUnit, Markdown", .serialized)
struct CIOutputTests {
    @Test func sarifValidatesAgainstTheOfficialSchemaAndLocatesFindings() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = scratch.appendingPathComponent("out.sarif").path
        let run = try PreflightBinary.run(["audit", "--offline", "--manifest", defective, "--now", fixtureNow, "--report", "sarif=\(path)"])
        #expect(run.status == 1)
        let validation = try PreflightBinary.validate(json: path, schema: "sarif-2.1.0")
        #expect(validation.status == 0, "SARIF does not match the 2.1.0 schema:\n\(validation.stdout)")

        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run0 = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run0["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count == 25)
        let results = try #require(run0["results"] as? [[String: Any]])
        // One result per finding that is not a pass.
        #expect(results.count == 25 - (try defectiveCount(["pass", "not_applicable"])))
        #expect(results.filter { $0["level"] as? String == "error" }.count == (try defectiveCount(["fail", "error"])))
        // A2 rests on the manifest: its result points at the key in preflight.yml.
        let a2 = try #require(results.first { $0["ruleId"] as? String == "A2" })
        let physical = try #require(((a2["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "fixtures/bots/defective/preflight.yml"
            || ((physical["artifactLocation"] as? [String: Any])?["uri"] as? String ?? "").hasSuffix("fixtures/bots/defective/preflight.yml"))
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 15)
        // B3 rests on the logs: its result points at the log line that shows five attempts.
        let b3 = try #require(results.first { $0["ruleId"] as? String == "B3" })
        let b3Location = try #require(((b3["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect(((b3Location["artifactLocation"] as? [String: Any])?["uri"] as? String ?? "").hasSuffix("logs/bot.jsonl"))
        #expect(!(String(data: try Data(contentsOf: URL(fileURLWithPath: path)), encoding: .utf8) ?? "").contains("CANARY-SECRET"))
    }

    @Test func junitParsesBackWithASuitePerSectionAndACasePerItem() throws {
        let run = try PreflightBinary.run(["audit", "--offline", "--manifest", defective, "--now", fixtureNow, "--format", "junit"])
        #expect(run.status == 1)
        let summary = try JUnitSummary(xml: Data(run.stdout.utf8))
        #expect(summary.suites.map(\.name) == [
            "A. Auth and connectivity", "B. Rate limiting and backpressure", "C. Error handling",
            "D. Crash recovery and state", "E. Observability",
        ])
        #expect(summary.cases.count == 25)
        #expect(summary.cases.filter { $0.outcome == "failure" }.count == (try defectiveCount(["fail"])))
        #expect(summary.cases.filter { $0.outcome == "skipped" }.count == (try defectiveCount(["unknown", "not_applicable"])))
        let b3 = try #require(summary.cases.first { $0.name.hasPrefix("B3 ") })
        #expect(b3.text.contains("fix: "))
        #expect(b3.text.contains("6 attempts"))
        #expect((summary.suites.first?.failures ?? 0) >= 4)
    }

    @Test func markdownShowsScoreFailuresWithFixesAndFoldsThePasses() throws {
        let failing = try PreflightBinary.run(["audit", "--offline", "--manifest", defective, "--now", fixtureNow, "--format", "markdown"])
        #expect(failing.stdout.contains("❌ gate failed"))
        #expect(failing.stdout.contains("**Score 0/100** · evaluated "))
        #expect(failing.stdout.contains("| ❌ | **B3** retry-budget | high |"))
        #expect(failing.stdout.contains("<details><summary><b>B3</b> retry-budget: how to fix</summary>"))
        let passing = try PreflightBinary.run(["audit", "--offline", "--manifest", ready, "--now", fixtureNow, "--format", "markdown"])
        #expect(passing.status == 0)
        #expect(passing.stdout.contains("<details><summary>24 passed or not applicable</summary>"))
        #expect(passing.stdout.contains("<details><summary>1 not evaluated (unknown)</summary>"))
        #expect(!passing.stdout.contains("Needs attention"))
    }
}

/// What a JUnit XML document holds, read back with a real XML parser.
final class JUnitSummary: NSObject, XMLParserDelegate {
    struct Suite { var name: String; var failures: Int }
    struct Case { var name: String; var outcome = "passed"; var text = "" }

    private(set) var suites: [Suite] = []
    private(set) var cases: [Case] = []
    private var inOutcome = false

    init(xml: Data) throws {
        super.init()
        let parser = XMLParser(data: xml)
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "testsuite": suites.append(Suite(name: attributes["name"] ?? "", failures: Int(attributes["failures"] ?? "") ?? -1))
        case "testcase": cases.append(Case(name: attributes["name"] ?? ""))
        case "failure", "error", "skipped":
            cases[cases.count - 1].outcome = name
            inOutcome = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inOutcome { cases[cases.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if ["failure", "error", "skipped"].contains(name) { inOutcome = false }
    }
}
