import Foundation
import PreflightChecks
import PreflightModel
import PreflightSupport

/// SARIF 2.1.0: one rule per checklist item, one result per finding that is not a pass,
/// located in the manifest or log file it rests on.
public struct SARIFReporter: Sendable {
    public init() {}

    public func render(_ report: Report) throws -> String {
        let rules = Catalog.checks.map(\.item)
        let results: [SARIF.Result] = report.items.compactMap { item in
            guard let level = Self.level(item.status) else { return nil }
            guard let ruleIndex = rules.firstIndex(where: { $0.id == item.id }) else { return nil }
            var text = "\(item.id) \(item.name): \(item.summary)"
            if let remediation = item.remediation { text += " Fix: \(remediation)" }
            let suppressions = item.suppression.flatMap { state in
                state.expired ? nil : [SARIF.Suppression(kind: "external", justification: state.reason)]
            }
            return SARIF.Result(
                ruleID: item.id, ruleIndex: ruleIndex, level: level, message: .init(text: text),
                locations: [SARIF.Location(Self.location(for: item, manifest: report.bot.manifest))],
                suppressions: suppressions,
                properties: ["status": item.status.rawValue, "basis": item.basis.rawValue]
            )
        }
        let driver = SARIF.Driver(
            name: ToolInfo.name, version: ToolInfo.version, semanticVersion: ToolInfo.version,
            rules: rules.map { item in
                SARIF.Rule(
                    id: item.id, name: Self.ruleName(item.name), shortDescription: .init(text: item.summary),
                    fullDescription: .init(text: item.rule), help: .init(text: item.remediation),
                    defaultConfiguration: .init(level: item.severity == .medium ? "warning" : "error"),
                    properties: .init(tags: [item.section.title, item.severity.rawValue], precision: "high",
                                      problemSeverity: item.severity.rawValue)
                )
            }
        )
        let log = SARIF.Log(runs: [SARIF.Run(tool: .init(driver: driver), results: results,
                                             properties: ["score": report.score.map { NumberText.short($0) } ?? "n/a",
                                                          "coverage": "\(report.coverage.evaluated) of \(report.coverage.total)"])])
        return String(decoding: try JSONEncoder.stableOutput().encode(log), as: UTF8.self) + "\n"
    }

    static func level(_ status: Status) -> String? {
        switch status {
        case .fail, .error: "error"
        case .warn: "warning"
        case .unknown: "note"
        case .pass, .notApplicable: nil
        }
    }

    /// "key-least-privilege" → "KeyLeastPrivilege" (SARIF rule names are identifiers).
    static func ruleName(_ name: String) -> String {
        name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The first cited place with a line, else the manifest itself.
    static func location(for item: ReportItem, manifest: String) -> SourceLocation {
        item.evidence.compactMap(\.location).first { $0.line != nil }
            ?? item.evidence.compactMap(\.location).first
            ?? SourceLocation(file: manifest)
    }
}

/// The slice of the SARIF 2.1.0 object model preflight writes.
enum SARIF {
    struct Log: Encodable {
        var version = "2.1.0"
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var properties: [String: String]
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var rules: [Rule]
    }

    struct Text: Encodable { var text: String }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Text
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct Configuration: Encodable { var level: String }

    struct RuleProperties: Encodable {
        var tags: [String]
        var precision: String
        var problemSeverity: String
        enum CodingKeys: String, CodingKey { case tags, precision, problemSeverity = "problem.severity" }
    }

    struct Result: Encodable {
        var ruleID: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var suppressions: [Suppression]?
        var properties: [String: String]
        enum CodingKeys: String, CodingKey {
            case ruleID = "ruleId", ruleIndex, level, message, locations, suppressions, properties
        }
    }

    struct Suppression: Encodable {
        var kind: String
        var justification: String
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation

        init(_ location: SourceLocation) {
            physicalLocation = PhysicalLocation(
                artifactLocation: .init(uri: Self.uri(location.file)),
                region: location.line.map { Region(startLine: $0, startColumn: location.column) }
            )
        }

        /// Relative paths stay relative (resolved against the checkout in code scanning); absolute ones become file URIs.
        static func uri(_ path: String) -> String {
            let cleaned = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
            let encoded = cleaned.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? cleaned
            return cleaned.hasPrefix("/") ? "file://" + encoded : encoded
        }
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }
}
