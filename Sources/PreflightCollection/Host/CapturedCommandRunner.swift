import Foundation
import PreflightSupport

/// Answers commands from a capture folder instead of running them.
public struct CapturedCommandRunner: CommandRunner {
    public var folder: String

    public init(folder: String) { self.folder = folder }

    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    public func cite(_ command: Command) -> String {
        HostCaptures.file(for: command).map(path) ?? command.display
    }

    public func run(_ command: Command) -> CommandResult {
        guard let name = HostCaptures.file(for: command) else {
            return CommandResult(termination: .notCaptured("capture file for \(command.display)"))
        }
        let output: Data
        switch BoundedFile.prefix(path(name), limit: command.outputCap) {
        case .success(let data): output = data
        case .failure(.missing): return CommandResult(termination: .notCaptured(path(name)))
        case .failure(let failure): return CommandResult(termination: .couldNotStart("\(path(name)) \(failure)"))
        }
        let stdout = String(decoding: output.prefix(command.outputCap), as: UTF8.self)
        let stderr = (try? BoundedFile.prefix(path(name + ".err"), limit: command.outputCap).get())
            .map { String(decoding: $0.prefix(command.outputCap), as: UTF8.self) } ?? ""
        let truncated = output.count > command.outputCap
        guard let exitData = try? BoundedFile.prefix(path(name + ".exit"), limit: 64).get() else {
            return CommandResult(termination: .exited(0), stdout: stdout, stderr: stderr, truncated: truncated)
        }
        let exitText = String(decoding: exitData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let status = Int32(exitText) else {
            return CommandResult(termination: .couldNotStart("\(path(name + ".exit")) does not hold an exit status: '\(exitText.prefix(40))'"))
        }
        // The shell's own codes: 127 is "command not found", 126 "found but not executable".
        let termination: CommandResult.Termination = switch status {
        case 127: .notFound
        case 126: .couldNotStart(stderr.isEmpty ? "not executable" : stderr.trimmingCharacters(in: .whitespacesAndNewlines))
        default: .exited(status)
        }
        return CommandResult(termination: termination, stdout: stdout, stderr: stderr, truncated: truncated)
    }
}
