import PreflightModel

/// Where a log record came from: an index into the scan's file list and a 1-based line number.
/// Two integers rather than a path, because every event carries one.
public struct LogPosition: Sendable, Hashable, Codable {
    public var fileIndex: Int
    public var line: Int

    public init(fileIndex: Int, line: Int) {
        self.fileIndex = fileIndex
        self.line = line
    }
}

extension LogScan {
    /// The file:line a position points at, for citing in a finding.
    public func location(of position: LogPosition, field: String? = nil) -> SourceLocation {
        let file = files.indices.contains(position.fileIndex) ? files[position.fileIndex] : "?"
        return SourceLocation(file: file, line: position.line, field: field)
    }
}
