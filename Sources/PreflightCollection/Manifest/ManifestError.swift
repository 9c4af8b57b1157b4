/// One problem in a manifest, located as precisely as the parser can: file:line:column and the key path.
public struct ManifestProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var keyPath: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        if let keyPath { return "\(place): \(keyPath): \(message)" }
        return "\(place): \(message)"
    }
}

/// The manifest could not be used. Carries every problem found, not just the first.
public struct ManifestError: Error, Sendable, CustomStringConvertible {
    public var problems: [ManifestProblem]

    public init(_ problems: [ManifestProblem]) {
        self.problems = problems
    }

    public var description: String {
        let noun = problems.count == 1 ? "problem" : "problems"
        return "invalid manifest (\(problems.count) \(noun)):\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
