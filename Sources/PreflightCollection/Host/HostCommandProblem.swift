import PreflightModel

/// Why a command gave no usable output, in words for the report.
struct HostCommandProblem: Sendable, Equatable {
    var reason: String
    /// The program is simply not there (not installed, not captured): the next source is tried.
    var isAbsence: Bool

    /// What the problem makes of a time source's attempt: an absent program skips to the next
    /// source, a broken one fails this one.
    func attempt(_ source: TimeSource, consulted: [String]) -> TimeSourceAttempt {
        isAbsence ? .skipped(source, reason, consulted: consulted) : .failed(source, reason, consulted: consulted)
    }

    /// nil when the program ran and exited, whatever its status: what a status means depends on the tool.
    static func describe(_ result: CommandResult, command: Command) -> HostCommandProblem? {
        switch result.termination {
        case .exited:
            return nil
        case .notFound:
            return HostCommandProblem(reason: "\(command.executable) not installed", isAbsence: true)
        case .notCaptured(let file):
            return HostCommandProblem(reason: "\(command.display) not captured (no \(file))", isAbsence: true)
        case .timedOut(let seconds):
            return HostCommandProblem(
                reason: "\(command.display) did not finish within \(DurationText.seconds(seconds)) and was stopped", isAbsence: false)
        case .signalled(let signal):
            return HostCommandProblem(reason: "\(command.display) was killed by signal \(signal)", isAbsence: false)
        case .couldNotStart(let why):
            return HostCommandProblem(reason: "\(command.display) could not start: \(why)", isAbsence: false)
        }
    }

    static func exitReason(_ result: CommandResult, command: Command) -> String {
        var text = "\(command.display) exited with status \(exitStatus(result))"
        if let message = result.firstMessage { text += ": \(message)" }
        return text
    }

    static func exitStatus(_ result: CommandResult) -> String {
        if case .exited(let status) = result.termination { return "\(status)" }
        return "?"
    }
}
