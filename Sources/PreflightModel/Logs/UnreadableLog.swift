/// A log input that could not be read: a file that would not open, a glob that matched nothing,
/// a read that failed part way.
public struct UnreadableLog: Codable, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The operating system's reason (strerror), or what else went wrong.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
