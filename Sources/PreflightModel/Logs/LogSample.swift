/// One example of bad log input: where it is and, when useful, what was wrong.
public struct LogSample: Codable, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var detail: String?

    public init(_ location: SourceLocation, detail: String? = nil) {
        self.location = location
        self.detail = detail
    }

    public var description: String {
        guard let detail else { return location.description }
        return "\(location): \(detail)"
    }
}
