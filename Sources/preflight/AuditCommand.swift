import ArgumentParser
import Foundation
import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Collect the evidence and evaluate every checklist item (collect + evaluate in one go)."
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var evaluation: EvaluationOptionGroup

    func run() async throws {
        let evidence = try await inputs.collect()
        try evaluation.report(on: evidence)
    }
}

/// Where the evidence comes from. Shared by `audit` and `collect`.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "The bot's manifest (YAML or JSON).")
    var manifest = "preflight.yml"

    @Option(name: .long, help: ArgumentHelp("Evaluate as of this moment (ISO 8601), for reproducible reports.", valueName: "TIME"))
    var now: String?

    @OptionGroup var hostClock: HostClockOptions

    @Option(name: .long, help: ArgumentHelp("Audit a freqtrade or hummingbot bot from its own config; --manifest then names that config (default config.json, conf/conf_client.yml).", valueName: "NAME"))
    var framework: FrameworkName?

    @Option(name: .long, help: ArgumentHelp("hummingbot: the connector (e.g. binance), when no strategy config names it.", valueName: "CONNECTOR"))
    var exchange: String?

    @Option(name: .long, help: ArgumentHelp("Log samples: a file, glob, folder or - for stdin; repeatable. Default: the manifest's logs.paths.", valueName: "PATH"))
    var logs: [String] = []

    @Flag(name: .long, help: "Make no network call at all: no exchange probes (the items that need them stay unknown).")
    var offline = false

    @Option(name: .long, help: ArgumentHelp("Global deadline for the exchange probes: 10s, 500ms, 1m, or plain seconds.", valueName: "DURATION"))
    var timeout = CommandLineDuration(seconds: 10)

    func validate() throws {
        if !(0.1...600).contains(timeout.seconds) { throw ValidationError("--timeout must be between 100ms and 10m, got \(timeout)") }
        if let now, Timestamp.parse(now) == nil {
            throw ValidationError("--now expects an ISO 8601 time such as 2026-11-25T12:00:00Z, got '\(now)'")
        }
    }

    /// Whole milliseconds, so an evidence bundle evaluates to exactly the report a live audit gives.
    var moment: Date {
        now.flatMap(Timestamp.parse) ?? Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    func collect() async throws -> Evidence {
        let probes = offline ? nil : ExchangeCollector(
            transport: URLSessionTransport(), environment: ProcessInfo.processInfo.environment,
            requestTimeout: .milliseconds(min(3000, timeout.milliseconds)), deadline: .milliseconds(timeout.milliseconds)
        )
        var audit = EvidenceCollection(manifestPath: manifest, now: moment, host: try hostClock.collector(), exchange: probes)
        audit.logs = LogEvidenceCollector(inputs: logs.isEmpty ? nil : logs, progress: ProgressLine.forStandardError())
        if let source = framework?.source(exchange: exchange) {
            audit.framework = source
            if manifest == "preflight.yml" { audit.manifestPath = source.defaultConfigPath }
        }
        return try await audit.collect()
    }
}

/// How evidence becomes a report and an exit code. Shared by `audit` and `evaluate`.
struct EvaluationOptionGroup: ParsableArguments {
    @OptionGroup var selection: SelectionOptions
    @OptionGroup var reporting: ReportingOptions
    @OptionGroup var gate: GateOptionGroup

    @Option(name: .long, help: ArgumentHelp("Also apply the suppressions in FILE (YAML: version, suppressions).", valueName: "FILE"))
    var suppressions: String?

    @Flag(name: .customLong("no-suppressions"), help: "Ignore every suppression, for audits.")
    var noSuppressions = false

    @Option(name: .long, help: ArgumentHelp("Fail the gate only on findings that are new since this baseline.", valueName: "FILE"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record this run's findings as a baseline in FILE.", valueName: "FILE"))
    var writeBaseline: String?

    @Flag(name: .customLong("require-observed"), help: "A pass that rests only on the manifest becomes a warn where logs, host or exchange evidence exists for the item.")
    var requireObserved = false

    func options() throws -> EvaluationOptions {
        EvaluationOptions(
            selection: try selection.parsed(),
            gate: gate.options,
            extraSuppressions: try suppressions.map { try ManifestLoader.loadSuppressions(path: $0) } ?? [],
            ignoreSuppressions: noSuppressions,
            baseline: try baseline.map { try Baseline.read(path: $0) },
            requireObserved: requireObserved
        )
    }

    /// Evaluates, writes every requested report, and throws exit code 1 when the gate fails.
    func report(on evidence: Evidence) throws {
        let report = Auditor(options: try options()).evaluate(evidence)
        try reporting.write(report)
        if let writeBaseline {
            try OutputFile.write(String(decoding: try Baseline(report: report).encoded(), as: UTF8.self) + "\n", to: writeBaseline)
        }
        if !report.gate.passed { throw ExitCode(1) }
    }
}

enum FrameworkName: String, ExpressibleByArgument, CaseIterable {
    case freqtrade, hummingbot

    func source(exchange: String?) -> FrameworkSource {
        switch self {
        case .freqtrade: .freqtrade
        case .hummingbot: .hummingbot(exchange: exchange)
        }
    }
}

struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Collect the evidence on the bot host and write it as a bundle for `preflight evaluate`."
    )

    @OptionGroup var inputs: InputOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the evidence bundle (JSON).", valueName: "BUNDLE"))
    var output: String

    func run() async throws {
        let bundle = EvidenceBundle(evidence: try await inputs.collect())
        try OutputFile.write(String(decoding: try bundle.encoded(), as: UTF8.self) + "\n", to: output)
        FileHandle.standardError.write(Data("preflight: evidence written to \(output)\n".utf8))
    }
}

struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Turn an evidence bundle from `preflight collect` into a report and a gate verdict."
    )

    @Argument(help: ArgumentHelp("The evidence bundle.", valueName: "BUNDLE"))
    var bundle: String

    @OptionGroup var evaluation: EvaluationOptionGroup

    func run() async throws {
        try evaluation.report(on: try EvidenceBundle.read(path: bundle).evidence)
    }
}

struct SelectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Run only these items (comma-separated ids, e.g. A1,B3).", valueName: "IDS"))
    var only: [String] = []

    @Option(name: .long, help: ArgumentHelp("Leave these items out.", valueName: "IDS"))
    var skip: [String] = []

    func parsed() throws -> Selection { try Selection.parse(only: only, skip: skip) }

    func validate() throws {
        do { _ = try parsed() } catch let error as InputError { throw ValidationError(error.description) }
    }
}

struct GateOptionGroup: ParsableArguments {
    @Option(name: .customLong("fail-on"), help: "Lowest status that fails the gate: fail (fail or error), warn, or never.")
    var failOn: GateOptions.FailLevel = .fail

    @Option(name: .customLong("min-score"), help: ArgumentHelp("Fail the gate when the score is under N (0-100).", valueName: "N"))
    var minScore: Double?

    @Option(name: .customLong("min-coverage"), help: ArgumentHelp("Fail the gate when under N percent of the selected items could be evaluated (default 50; a run that evaluated nothing always fails).", valueName: "N"))
    var minCoverage: Double = GateOptions.defaultMinCoverage

    func validate() throws {
        if let minScore, !(0...100).contains(minScore) { throw ValidationError("--min-score must be between 0 and 100") }
        if !(0...100).contains(minCoverage) { throw ValidationError("--min-coverage must be between 0 and 100") }
    }

    var options: GateOptions { GateOptions(failOn: failOn, minScore: minScore, minCoverage: minCoverage) }
}

extension GateOptions.FailLevel: ExpressibleByArgument {}

extension CommandLineDuration: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public var defaultValueDescription: String { description }
}
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
            do { _ = try ReportDestination(parsing: entry) } catch let error as InputError { throw ValidationError(error.description) }
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
    /// Written beside the target as `.NAME.tmp-PID`, then renamed over it: a reader (node_exporter's
    /// textfile collector, a dashboard) sees the old file or the new one, never half of one.
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw InputError("cannot write \(path): \(reason)")
            }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("cannot write \(path): \((error as NSError).localizedDescription)")
        }
    }
}
