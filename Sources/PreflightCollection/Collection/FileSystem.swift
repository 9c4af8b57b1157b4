import Foundation
import PreflightSupport

/// The files the manifest points to, as the file collector sees them: live, or a stand-in in tests.
public protocol FileSystem: Sendable {
    /// What is at `path` (following links).
    func inspect(_ path: String) -> FileInspection
}

/// What a path is, as far as a document the manifest names is concerned.
public enum FileInspection: Sendable, Equatable {
    case regularFile(size: Int, readable: Bool, reason: String?)
    case directory
    /// A FIFO, device or socket: no document, and opening one could block.
    case special(String)
    case missing(String)
    case unreadable(String)
}

/// This machine's own files.
public struct LiveFileSystem: FileSystem {
    public init() {}

    public func inspect(_ path: String) -> FileInspection {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            let reason = String(cString: strerror(code))
            return code == ENOENT || code == ENOTDIR ? .missing(reason) : .unreadable(reason)
        }
        if info.st_mode & S_IFMT == S_IFDIR { return .directory }
        if let kind = BoundedFile.nonRegularKind(info.st_mode) { return .special(kind) }
        // Opened without blocking and closed at once: a file nobody can read is as good as missing.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .regularFile(size: Int(info.st_size), readable: false, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
        return .regularFile(size: Int(info.st_size), readable: true, reason: nil)
    }
}
