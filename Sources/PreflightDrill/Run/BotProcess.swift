import Foundation

/// The bot under drill: a child process with the drill's URLs and credentials in its environment, its
/// stdout and stderr written to files (they are log samples of the run). Ended with SIGTERM, then SIGKILL
/// after `grace`.
final class BotProcess: @unchecked Sendable {
    // @unchecked: `process` is only touched from the drill's one sequential flow.
    let command: [String]
    let stdoutPath: String
    let stderrPath: String
    private let process = Process()

    struct LaunchFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// `run` 1 writes bot.stdout.log; a restart (run 2, 3 …) writes bot.2.stdout.log and so on.
    init(command: [String], environment: [String: String], directory: String, run: Int = 1) throws {
        precondition(!command.isEmpty)
        self.command = command
        let stem = run == 1 ? "bot" : "bot.\(run)"
        stdoutPath = (directory as NSString).appendingPathComponent("\(stem).stdout.log")
        stderrPath = (directory as NSString).appendingPathComponent("\(stem).stderr.log")
        for path in [stdoutPath, stderrPath] {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw LaunchFailure(description: "cannot create \(path)")
            }
        }
        guard let executable = Self.resolve(command[0], path: environment["PATH"]) else {
            throw LaunchFailure(description: "\(command[0]): command not found (looked in PATH)")
        }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw LaunchFailure(description: "\(command[0]): cannot start: \(error.localizedDescription)")
        }
    }

    static func resolve(_ name: String, path: String?) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    var isRunning: Bool { process.isRunning }

    var processIdentifier: Int32 { process.processIdentifier }

    /// Sends `signal` (a kill switch declared as a signal).
    func send(_ signal: Int32) { if process.isRunning { kill(process.processIdentifier, signal) } }

    /// SIGKILL, as a crash would end it, and waits until it is gone.
    func killAbruptly() async {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        while process.isRunning { try? await Task.sleep(nanoseconds: 10_000_000) }
    }

    /// The exit status, or 128 + the signal that ended it; nil while it runs.
    var exitStatus: Int32? {
        guard !process.isRunning else { return nil }
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Ends the bot: SIGTERM, then SIGKILL if it is still there after `grace` seconds. Says how it ended.
    func end(grace: Double) async -> String {
        if let status = exitStatus { return "exited by itself with \(status)" }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning, Date() < deadline { try? await Task.sleep(nanoseconds: 50_000_000) }
        guard process.isRunning else { return "SIGTERM" }
        kill(process.processIdentifier, SIGKILL)
        while process.isRunning { try? await Task.sleep(nanoseconds: 20_000_000) }
        return "SIGKILL after \(NumberFormatting.seconds(grace)) s"
    }
}

enum NumberFormatting {
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
