/// The process boundary of the host collector: live programs, or outputs captured on the bot host.
public protocol CommandRunner: Sendable {
    /// Runs the command to completion or its deadline. Never throws: failures are in the result.
    func run(_ command: Command) -> CommandResult
    /// How the report cites the command's output: the command line, or the captured file.
    func cite(_ command: Command) -> String
}

extension CommandRunner {
    public func cite(_ command: Command) -> String { command.display }
}
