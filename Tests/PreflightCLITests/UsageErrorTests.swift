import Foundation
import Testing

@Suite("Usage and input errors exit 2")
struct InputErrorTests {
    @Test func malformedManifestNamesFileLineAndKey() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = scratch.appendingPathComponent("preflight.yml").path
        try "version: 1\nbot:\n  name: x\n  exchange: binance\nretry:\n  max_attempts: lots\n  backof: {}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try PreflightBinary.run(["audit", "--offline", "--manifest", path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(path):6:17: retry.max_attempts: expected a whole number"))
        #expect(run.stderr.contains("\(path):7:3: retry: unknown key 'backof'; did you mean 'backoff'?"))
    }

    @Test func syntaxErrorNamesTheLine() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = scratch.appendingPathComponent("bad.yml").path
        try "version: 1\nbot:\n  name: x\n   exchange: binance\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try PreflightBinary.run(["audit", "--offline", "--manifest", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(path):4:"), "\(run.stderr)")
    }

    @Test func missingManifestSaysWhy() throws {
        let run = try PreflightBinary.run(["audit", "--offline", "--manifest", "/nonexistent/preflight.yml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/nonexistent/preflight.yml: cannot read the manifest: No such file or directory"), "\(run.stderr)")
    }

    @Test func unsupportedVersionIsAClearError() throws {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let path = scratch.appendingPathComponent("v2.yml").path
        try "version: 2\nbot: {name: x, exchange: binance}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try PreflightBinary.run(["audit", "--offline", "--manifest", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("unsupported manifest version 2"))
    }

    @Test(arguments: [
        ["audit", "--bogus"],
        ["audit", "--only", "Z9"],
        ["audit", "--fail-on", "sometimes"],
        ["audit", "--min-score", "120"],
        ["audit", "--report", "pdf=x.pdf"],
        ["audit", "--now", "yesterday"],
        ["explain", "A7"],
        ["nonsense"],
    ])
    func badCommandLinesExitTwo(_ arguments: [String]) throws {
        let run = try PreflightBinary.run(arguments + ["--manifest", PreflightBinary.root + "/fixtures/bots/ready/preflight.yml"])
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(!run.stderr.isEmpty)
    }

    @Test func unknownIDGetsADidYouMean() throws {
        let run = try PreflightBinary.run(["explain", "A7"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("'A7' is not a checklist item; did you mean"))
    }
}

@Suite("The catalog commands")
struct CatalogCommandTests {
    @Test func checksJSONListsEveryItemWithItsRemediation() throws {
        let run = try PreflightBinary.run(["checks", "--format", "json"])
        #expect(run.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let items = try #require(document["items"] as? [[String: Any]])
        let ids = items.compactMap { $0["id"] as? String }
        #expect(ids.count == 25)
        #expect(ids.first == "A1" && ids.last == "E4")
        for item in items {
            #expect(((item["remediation"] as? String) ?? "").count > 20)
            #expect(((item["rule"] as? String) ?? "").count > 20)
        }
    }

    @Test func checksTextListsEveryItem() throws {
        let run = try PreflightBinary.run(["checks"])
        #expect(run.status == 0)
        for id in ["A1", "A6", "B5", "C5", "D5", "E4"] { #expect(run.stdout.contains("  \(id)  ")) }
    }

    @Test func explainPrintsTheWholeItem() throws {
        let run = try PreflightBinary.run(["explain", "b3"])
        #expect(run.status == 0)
        for heading in ["B3 retry-budget", "Why it matters", "Rule", "Remediation", "Examples"] {
            #expect(run.stdout.contains(heading), "missing \(heading)")
        }
    }

    @Test func versionAndHelpExitZero() throws {
        #expect(try PreflightBinary.run(["--version"]).status == 0)
        #expect(try PreflightBinary.run(["audit", "--help"]).stdout.contains("--fail-on"))
    }
}
