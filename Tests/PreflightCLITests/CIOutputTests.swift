import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

private let defective = PreflightBinary.root + "/fixtures/bots/defective/preflight.yml"
private let ready = PreflightBinary.root + "/fixtures/bots/ready/preflight.yml"

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
        // 21 failures and 4 unknowns: every finding that is not a pass.
        #expect(results.count == 25)
        #expect(results.filter { $0["level"] as? String == "error" }.count == 21)
        let b3 = try #require(results.first { $0["ruleId"] as? String == "B3" })
        let physical = try #require(((b3["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "fixtures/bots/defective/preflight.yml"
            || ((physical["artifactLocation"] as? [String: Any])?["uri"] as? String ?? "").hasSuffix("fixtures/bots/defective/preflight.yml"))
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 30)
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
        #expect(summary.cases.filter { $0.outcome == "failure" }.count == 21)
        #expect(summary.cases.filter { $0.outcome == "skipped" }.count == 4)
        let b3 = try #require(summary.cases.first { $0.name.hasPrefix("B3 ") })
        #expect(b3.text.contains("fix: "))
        #expect(b3.text.contains("6 attempts"))
        #expect(summary.suites.first?.failures == 4)
    }

    @Test func markdownShowsScoreFailuresWithFixesAndFoldsThePasses() throws {
        let failing = try PreflightBinary.run(["audit", "--offline", "--manifest", defective, "--now", fixtureNow, "--format", "markdown"])
        #expect(failing.stdout.contains("❌ gate failed"))
        #expect(failing.stdout.contains("**Score 0/100** · evaluated 21 of 25 items"))
        #expect(failing.stdout.contains("| ❌ | **B3** retry-budget | high |"))
        #expect(failing.stdout.contains("<details><summary><b>B3</b> retry-budget: how to fix</summary>"))
        let passing = try PreflightBinary.run(["audit", "--offline", "--manifest", ready, "--now", fixtureNow, "--format", "markdown"])
        #expect(passing.status == 0)
        #expect(passing.stdout.contains("<details><summary>19 passed or not applicable</summary>"))
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
