import ArgumentParser
import Foundation
import PreflightCollection
import PreflightEvaluation
import PreflightSupport

struct PreflightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Scores a crypto trading bot against the 25-item production-readiness checklist.",
        discussion: "Exit codes: 0 gate passed, 1 gate failed, 2 usage or input error.",
        version: ToolInfo.version,
        subcommands: [AuditCommand.self, DrillCommand.self, CollectCommand.self, EvaluateCommand.self, ChecksCommand.self, ExplainCommand.self, InitCommand.self]
    )
}
