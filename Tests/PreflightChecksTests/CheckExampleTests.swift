import Foundation
import PreflightChecks
import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

/// One check's example, named for the test log.
struct ExampleCase: Sendable, CustomTestStringConvertible {
    var check: any Check
    var example: CheckExample

    var testDescription: String { "\(check.item.id) \(example.expected.rawValue): \(example.title)" }

    static let all: [ExampleCase] = Catalog.checks.flatMap { check in
        check.examples.map { ExampleCase(check: check, example: $0) }
    }
}

let exampleNow = ExampleAudit.now

func evaluate(_ example: CheckExample, with check: any Check) throws -> ReportItem {
    try ExampleAudit.item(
        check.item.id, manifest: example.manifest, logs: example.logs, files: example.files, host: example.host,
        exchange: example.exchange
    )
}

@Suite("Catalog examples")
struct CheckExampleTests {
    @Test("each example gets its expected verdict", arguments: ExampleCase.all)
    func example(_ testCase: ExampleCase) throws {
        let item = try evaluate(testCase.example, with: testCase.check)
        #expect(item.status == testCase.example.expected, "\(item.summary)")
        if let phrase = testCase.example.mentioning {
            #expect(item.summary.localizedCaseInsensitiveContains(phrase), "summary '\(item.summary)' lacks '\(phrase)'")
        }
        if item.status != .pass && item.status != .notApplicable {
            #expect(!(item.remediation ?? "").isEmpty, "a non-passing finding needs a remediation")
        }
        if item.status == .pass {
            #expect(!item.evidence.isEmpty, "a pass must cite the evidence it rests on")
        }
    }

    @Test func catalogHoldsTheTwentyFiveItemsInOrder() {
        let ids = Catalog.checks.map(\.item.id)
        let expected = ["A", "B", "C", "D", "E"].flatMap { section in
            (1...(section == "A" ? 6 : section == "E" ? 4 : 5)).map { "\(section)\($0)" }
        }
        #expect(ids == expected)
        #expect(Set(Catalog.checks.map(\.item.name)).count == 25)
    }

    @Test("every item documents itself and has a failing or unknown example", arguments: Catalog.checks.map(\.item.id))
    func itemIsDocumented(_ id: String) throws {
        let check = try #require(Catalog.check(id: id))
        let item = check.item
        #expect(item.section.rawValue == String(id.prefix(1)))
        for text in [item.summary, item.rationale, item.rule, item.remediation] {
            #expect(text.count > 20, "\(id): catalog text too short: \(text)")
        }
        #expect(!item.evidenceSources.isEmpty)
        let statuses = Set(check.examples.map(\.expected))
        #expect(!statuses.isEmpty, "\(id) has no examples")
        // An item that can be judged from the manifest must show both verdicts.
        if item.evidenceSources.contains(.manifest) && statuses.contains(.fail) {
            #expect(statuses.contains(.pass) || statuses.contains(.unknown), "\(id) shows only failures")
        }
    }

    @Test("nothing passes on an empty manifest", arguments: Catalog.checks.map(\.item.id))
    func emptyManifestNeverPasses(_ id: String) throws {
        let check = try #require(Catalog.check(id: id))
        let item = try evaluate(CheckExample("empty", manifest: "", expect: .unknown), with: check)
        #expect(item.status != .pass, "\(id) passed with no evidence: \(item.summary)")
        #expect(item.status != .fail, "\(id) failed a section nobody declared: \(item.summary)")
    }
}
