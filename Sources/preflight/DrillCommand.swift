import ArgumentParser
import Foundation
import PreflightCollection
import PreflightDrill
import PreflightModel
import PreflightScenario
import PreflightSupport

struct DrillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Run the bot against preflight's exchange stand-in while a scenario provokes faults, and judge it from the wire.",
        discussion: """
            The stand-in listens on 127.0.0.1 only. The bot gets PREFLIGHT_DRILL_REST_URL, PREFLIGHT_DRILL_WS_URL and \
            generated credentials (under the manifest's api_key_env / api_secret_env too) in its environment; its \
            stdout and stderr become log samples. Without a command, the URLs and credentials are printed and the \
            drill waits for a bot started elsewhere. Scenarios: \(BuiltInScenarios.names.joined(separator: ", ")), or a file.
            """
    )

    @Option(name: .long, help: "The bot's manifest (YAML or JSON), or its framework config with --framework.")
    var manifest = "preflight.yml"

    @Option(name: .long, help: ArgumentHelp("Drill a freqtrade or hummingbot bot from its own config.", valueName: "NAME"))
    var framework: FrameworkName?

    @Option(name: .long, help: ArgumentHelp("A built-in scenario's name or a scenario file (YAML).", valueName: "NAME|FILE"))
    var scenario = "quick"

    @Option(name: .long, help: ArgumentHelp("Where the stand-in listens: 127.0.0.1:PORT (default: a port the kernel picks).", valueName: "HOST:PORT"))
    var listen: String?

    @Option(name: .long, help: ArgumentHelp("Where the wire record and the bot's output go (default .preflight/drill-<time>).", valueName: "DIR"))
    var directory: String?

    @Option(name: .long, help: ArgumentHelp("More log samples besides the bot's captured output; repeatable.", valueName: "PATH"))
    var logs: [String] = []

    @OptionGroup var hostClock: HostClockOptions

    @Option(name: .long, help: ArgumentHelp("Also write the evidence bundle to FILE, for `preflight evaluate`.", valueName: "FILE"))
    var bundle: String?

    @OptionGroup var evaluation: EvaluationOptionGroup

    @Argument(parsing: .postTerminator, help: ArgumentHelp("The bot's command, after --.", valueName: "COMMAND"))
    var command: [String] = []

    func validate() throws {
        _ = try listenPort()
    }

    /// 0 lets the kernel pick; only 127.0.0.1 (or localhost) is accepted: drills never leave the machine.
    func listenPort() throws -> Int {
        guard let listen else { return 0 }
        let parts = listen.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, ["127.0.0.1", "localhost"].contains(parts[0]), let port = Int(parts[1]), (1...65535).contains(port) else {
            throw ValidationError("--listen takes 127.0.0.1:PORT (drills run on loopback only), got '\(listen)'")
        }
        return port
    }

    func run() async throws {
        let now = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
        let source = framework?.source(exchange: nil)
        let manifestPath = source != nil && manifest == "preflight.yml" ? source!.defaultConfigPath : manifest
        let loaded = try source?.manifest(configPath: manifestPath) ?? ManifestLoader.load(path: manifestPath)
        let played = try Self.scenario(scenario)
        let folder = directory ?? ".preflight/drill-\(Timestamp.iso8601(now).replacingOccurrences(of: ":", with: ""))"
        var drill = DrillRun(manifest: loaded, scenario: played, command: command, port: try listenPort(), directory: folder)
        drill.progress = DrillProgressLine()
        let outcome: DrillRun.Outcome
        do {
            outcome = try await drill.run()
        } catch {
            // The bot's command could not start, the port is taken, the folder cannot be written: input errors.
            throw InputError("drill: \(error)")
        }
        var collection = EvidenceCollection(
            manifestPath: manifestPath, now: now, host: try hostClock.collector()
        )
        collection.framework = source
        collection.logs = LogEvidenceCollector(inputs: Self.logInputs(logs, manifest: loaded) + outcome.capturedLogs)
        var evidence = try await collection.collect()
        evidence.drill = outcome.drill
        if let bundle {
            try OutputFile.write(String(decoding: try EvidenceBundle(evidence: evidence).encoded(), as: UTF8.self) + "\n", to: bundle)
        }
        try evaluation.report(on: evidence)
    }

    static func scenario(_ name: String) throws -> DrillScenario {
        if let builtIn = try BuiltInScenarios.scenario(named: name) { return builtIn }
        guard FileManager.default.fileExists(atPath: name) else {
            throw InputError("--scenario \(name): no built-in scenario of that name (\(BuiltInScenarios.names.joined(separator: ", "))) and no such file")
        }
        do {
            return try DrillScenarioLoader.load(path: name)
        } catch let error as ScenarioError {
            throw InputError(error.description)
        }
    }

    /// `--logs`, else the manifest's logs.paths (relative to the manifest's folder).
    static func logInputs(_ given: [String], manifest: Manifest) -> [String] {
        if !given.isEmpty { return given }
        let base = (manifest.path as NSString).deletingLastPathComponent
        return (manifest.logs?.paths?.value ?? []).map { path in
            path == "-" || path.hasPrefix("/") || base.isEmpty ? path : (base as NSString).appendingPathComponent(path)
        }
    }
}
