import PreflightModel

/// The kernel's view as `adjtimex --print` (Debian's adjtimex package) printed it: used for captures.
public struct AdjtimexCommandKernelClock: KernelClockReader {
    public var runner: any CommandRunner
    public var deadline: Double

    public init(runner: any CommandRunner, deadline: Double = 5) {
        self.runner = runner
        self.deadline = deadline
    }

    public func read() -> KernelClockReading {
        let command = Command("adjtimex", ["--print"], deadline: deadline)
        let result = runner.run(command)
        let cited = runner.cite(command)
        if let problem = HostCommandProblem.describe(result, command: command) {
            return .failed(problem.reason, consulted: cited)
        }
        guard result.succeeded else {
            return .failed(HostCommandProblem.exitReason(result, command: command), consulted: cited)
        }
        switch AdjtimexPrintOutput.parse(result.stdout) {
        case .success(let view): return .view(view, consulted: cited)
        case .failure(let problem): return .failed("unexpected output from \(command.display): \(problem.message)", consulted: cited)
        }
    }
}
