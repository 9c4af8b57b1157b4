import Foundation

/// Runs programs with Foundation's `Process`: no shell, the C locale, stdin closed, a deadline, capped output.
public struct ProcessCommandRunner: CommandRunner {
    /// Folders searched for a bare program name: `PATH`, then the sbin folders where chronyd and ntpd tools live.
    public var searchPath: [String]

    public init(searchPath: [String]? = nil) {
        let path = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map(String.init) ?? []
        self.searchPath = searchPath ?? (path + ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"])
    }

    public func resolve(_ executable: String) -> String? {
        if executable.contains("/") { return FileManager.default.isExecutableFile(atPath: executable) ? executable : nil }
        for folder in searchPath where !folder.isEmpty {
            let candidate = (folder as NSString).appendingPathComponent(executable)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    public func run(_ command: Command) -> CommandResult {
        guard let path = resolve(command.executable) else { return CommandResult(termination: .notFound) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = command.arguments
        var environment = ProcessInfo.processInfo.environment
        // Parsers read the untranslated output; a localised tool would otherwise look like garbage.
        environment["LC_ALL"] = "C"
        environment["LANG"] = "C"
        process.environment = environment
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            return CommandResult(termination: .couldNotStart((error as NSError).localizedDescription))
        }

        let stdout = CappedOutput(cap: command.outputCap)
        let stderr = CappedOutput(cap: command.outputCap)
        let readers = DispatchGroup()
        stdout.drain(stdoutPipe.fileHandleForReading, group: readers)
        stderr.drain(stderrPipe.fileHandleForReading, group: readers)

        let termination: CommandResult.Termination
        if exited.wait(timeout: .now() + command.deadline) == .timedOut {
            process.terminate()
            if exited.wait(timeout: .now() + 1) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = exited.wait(timeout: .now() + 1)
            }
            termination = .timedOut(command.deadline)
        } else if process.terminationReason == .uncaughtSignal {
            termination = .signalled(process.terminationStatus)
        } else {
            termination = .exited(process.terminationStatus)
        }
        // A grandchild that keeps the pipe open must not hold the collector: take what has arrived.
        _ = readers.wait(timeout: .now() + (termination == .timedOut(command.deadline) ? 1 : 5))
        return CommandResult(
            termination: termination, stdout: stdout.text, stderr: stderr.text, truncated: stdout.truncated || stderr.truncated
        )
    }
}
