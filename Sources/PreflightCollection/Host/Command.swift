/// One program to run: no shell, an argument array, a deadline and a cap on the output kept.
public struct Command: Sendable, Hashable {
    /// A program name looked up on the search path, or an absolute path.
    public var executable: String
    public var arguments: [String]
    /// Seconds the program may run before it is stopped.
    public var deadline: Double
    /// Bytes kept from each of stdout and stderr; the rest is read and dropped.
    public var outputCap: Int

    public init(_ executable: String, _ arguments: [String], deadline: Double = 5, outputCap: Int = 256 * 1024) {
        self.executable = executable
        self.arguments = arguments
        self.deadline = deadline
        self.outputCap = outputCap
    }

    /// How the command reads in reports: `chronyc -c tracking`.
    public var display: String { ([executable] + arguments).joined(separator: " ") }
}
