import ArgumentParser
import Foundation
import PreflightCollection
import PreflightEvaluation
import PreflightSupport

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter preflight.yml with every section, prefilled from a framework config where one is given."
    )

    @Option(name: .customLong("from-framework"), help: "freqtrade or hummingbot: derive what can be derived from its config.")
    var fromFramework: FrameworkName?

    @Argument(help: ArgumentHelp("The framework's config (default config.json, conf/conf_client.yml).", valueName: "CONFIG"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("hummingbot: the connector, when no strategy config names it.", valueName: "CONNECTOR"))
    var exchange: String?

    @Option(name: .long, help: ArgumentHelp("Where to write the manifest; - for stdout.", valueName: "FILE"))
    var output = "preflight.yml"

    @Flag(name: .long, help: "Overwrite an existing file.")
    var force = false

    func validate() throws {
        if config != nil && fromFramework == nil { throw ValidationError("CONFIG needs --from-framework freqtrade or hummingbot") }
    }

    func run() throws {
        var derived: PreflightModel.Manifest?
        var source: String?
        if let framework = fromFramework?.source(exchange: exchange) {
            let path = config ?? framework.defaultConfigPath
            derived = try framework.manifest(configPath: path)
            source = "\(fromFramework!.rawValue) config \(path)"
        }
        let text = ManifestTemplate.render(derived, source: source)
        if output == "-" {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        if FileManager.default.fileExists(atPath: output) && !force {
            throw InputError("\(output) already exists; pass --force to overwrite it, or --output another path")
        }
        try OutputFile.write(text, to: output)
        let fillIn = derived == nil ? "bot.name and bot.exchange (marked 'fill in') and " : ""
        FileHandle.standardError.write(Data("preflight: wrote \(output); set \(fillIn)the commented lines marked 'decide', then run preflight audit --manifest \(output)\n".utf8))
    }
}

import PreflightModel
