/// What the file collector found at a path the manifest points to.
public struct FileFact: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case regularFile = "file"
        case directory
        case missing
        case unreadable
    }

    /// The path as the manifest wrote it.
    public var path: String
    /// The path after resolving it against the manifest's folder.
    public var resolvedPath: String
    public var kind: Kind
    public var size: Int?
    /// Whether the folder that would hold the path exists (a kill-switch flag file need not exist yet).
    public var parentExists: Bool
    /// The operating system's reason when the path could not be read.
    public var reason: String?

    public init(
        path: String, resolvedPath: String? = nil, kind: Kind, size: Int? = nil, parentExists: Bool = true,
        reason: String? = nil
    ) {
        self.path = path
        self.resolvedPath = resolvedPath ?? path
        self.kind = kind
        self.size = size
        self.parentExists = parentExists
        self.reason = reason
    }
}
