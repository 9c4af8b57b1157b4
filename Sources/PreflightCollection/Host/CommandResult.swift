/// What running a command gave. Never thrown: the collector records it.
public struct CommandResult: Sendable, Equatable {
    public enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// The program is not installed (not on the search path; exit 127 in a capture).
        case notFound
        /// Stopped after running past its deadline (seconds).
        case timedOut(Double)
        case couldNotStart(String)
        /// Captured mode: no output file for this command in the capture folder.
        case notCaptured(String)
    }

    public var termination: Termination
    public var stdout: String
    public var stderr: String
    /// True when output beyond the cap was dropped.
    public var truncated: Bool

    public init(termination: Termination, stdout: String = "", stderr: String = "", truncated: Bool = false) {
        self.termination = termination
        self.stdout = stdout
        self.stderr = stderr
        self.truncated = truncated
    }

    public var succeeded: Bool { termination == .exited(0) }

    /// The first non-empty line of stderr, else of stdout: the program's own complaint, shortened.
    public var firstMessage: String? {
        for text in [stderr, stdout] {
            if let line = text.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { !$0.isEmpty }) {
                return line.count > 160 ? String(line.prefix(160)) + "…" : line
            }
        }
        return nil
    }
}
