import ArgumentParser
import Foundation
import PreflightKit

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Collect the evidence and evaluate every checklist item."
    )

    @Option(name: .long, help: "The bot's manifest (YAML or JSON).")
    var manifest = "preflight.yml"

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var reporting: ReportingOptions
    @OptionGroup var gate: GateOptionGroup

    @Option(name: .long, help: ArgumentHelp("Evaluate as of this moment (ISO 8601), for reproducible reports.", valueName: "TIME"))
    var now: String?

    func validate() throws {
        if let now, Timestamp.parse(now) == nil {
            throw ValidationError("--now expects an ISO 8601 time such as 2026-11-25T12:00:00Z, got '\(now)'")
        }
    }

    func run() async throws {
        let moment = now.flatMap(Timestamp.parse) ?? Date()
        let auditor = Auditor(selection: try selection.parsed(), gate: gate.options)
        let evidence = try Audit(manifestPath: manifest, now: moment).collect()
        let report = auditor.evaluate(evidence)
        try reporting.write(report)
        if !report.gate.passed { throw ExitCode(1) }
    }
}

struct SelectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Run only these items (comma-separated ids, e.g. A1,B3).", valueName: "IDS"))
    var only: [String] = []

    @Option(name: .long, help: ArgumentHelp("Leave these items out.", valueName: "IDS"))
    var skip: [String] = []

    func parsed() throws -> Selection { try Selection.parse(only: only, skip: skip) }

    func validate() throws {
        do { _ = try parsed() } catch let error as UsageError { throw ValidationError(error.description) }
    }
}

struct GateOptionGroup: ParsableArguments {
    @Option(name: .customLong("fail-on"), help: "Lowest status that fails the gate: fail (fail or error), warn, or never.")
    var failOn: GateOptions.FailLevel = .fail

    @Option(name: .customLong("min-score"), help: ArgumentHelp("Fail the gate when the score is under N (0-100).", valueName: "N"))
    var minScore: Double?

    @Option(name: .customLong("min-coverage"), help: ArgumentHelp("Fail the gate when under N percent of the items could be evaluated.", valueName: "N"))
    var minCoverage: Double?

    func validate() throws {
        if let minScore, !(0...100).contains(minScore) { throw ValidationError("--min-score must be between 0 and 100") }
        if let minCoverage, !(0...100).contains(minCoverage) { throw ValidationError("--min-coverage must be between 0 and 100") }
    }

    var options: GateOptions { GateOptions(failOn: failOn, minScore: minScore, minCoverage: minCoverage) }
}

extension GateOptions.FailLevel: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

struct ReportingOptions: ParsableArguments {
    @Option(name: .long, help: "Report format on stdout (or --output).")
    var format: OutputFormat = .text

    @Option(name: .long, help: ArgumentHelp("Write the report to FILE instead of stdout.", valueName: "FILE"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Also write FORMAT to FILE; repeatable (e.g. --report json=out.json).", valueName: "FORMAT=FILE"))
    var report: [String] = []

    func validate() throws {
        for entry in report {
            do { _ = try ReportDestination(parsing: entry) } catch let error as UsageError { throw ValidationError(error.description) }
        }
    }

    func write(_ report: Report) throws {
        let text = try format.render(report, style: output == nil ? .forStandardOutput() : TextStyle(colour: false))
        if let output {
            try OutputFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        for entry in self.report {
            let destination = try ReportDestination(parsing: entry)
            try OutputFile.write(try destination.format.render(report, style: TextStyle(colour: false)), to: destination.path)
        }
    }
}

enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw UsageError("cannot write \(path): \((error as NSError).localizedDescription)")
        }
    }
}
