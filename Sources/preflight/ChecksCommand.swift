import ArgumentParser
import Foundation
import PreflightCollection
import PreflightEvaluation
import PreflightSupport

enum CatalogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checks", abstract: "List the 25 checklist items.")

    @Option(name: .long, help: "text or json.")
    var format: CatalogFormat = .text

    func run() throws {
        let text = format == .json ? try CatalogRenderer.json() : CatalogRenderer.text(style: .forStandardOutput())
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show one item: rule, evidence, remediation, examples.")

    @Argument(help: "A checklist id, A1 to E4.")
    var id: String

    func run() throws {
        FileHandle.standardOutput.write(Data(try CatalogRenderer.explain(id, style: .forStandardOutput()).utf8))
    }
}
