import Foundation
import PreflightModel
import PreflightSupport

/// Looks at the files the manifest points to (rotation runbook, kill-switch flag file), relative to the manifest's folder.
public struct FileEvidenceCollector: Sendable {
    public init() {}

    public func collect(for manifest: Manifest) -> [FileFact] {
        var paths: [String] = []
        if let runbook = manifest.credentials?.rotation?.runbook?.value { paths.append(runbook) }
        if manifest.killSwitch?.kind?.value == .flagFile, let target = manifest.killSwitch?.target?.value { paths.append(target) }
        let base = (manifest.path as NSString).deletingLastPathComponent
        var seen: Set<String> = []
        return paths.filter { seen.insert($0).inserted }.map { fact(for: $0, relativeTo: base) }
    }

    /// Paths stay as relative as the manifest's own path, so reports read the same on every machine.
    func fact(for path: String, relativeTo base: String) -> FileFact {
        let joined = path.hasPrefix("/") || base.isEmpty ? path : (base as NSString).appendingPathComponent(path)
        let resolved = (joined as NSString).standardizingPath
        let parentPath = (resolved as NSString).deletingLastPathComponent
        let parent = parentPath.isEmpty ? "." : parentPath
        var isDirectory: ObjCBool = false
        let parentExists = FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) && isDirectory.boolValue

        var info = stat()
        guard stat(resolved, &info) == 0 else {
            let code = errno
            let kind: FileFact.Kind = code == ENOENT || code == ENOTDIR ? .missing : .unreadable
            return FileFact(path: path, resolvedPath: resolved, kind: kind, parentExists: parentExists,
                            reason: String(cString: strerror(code)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return FileFact(path: path, resolvedPath: resolved, kind: .directory, parentExists: parentExists)
        }
        // A FIFO, device or socket is no document: opening one could block, reading one may never end.
        if let special = BoundedFile.nonRegularKind(info.st_mode) {
            return FileFact(path: path, resolvedPath: resolved, kind: .unreadable, parentExists: parentExists,
                            reason: "\(special), not a regular file")
        }
        // A file that exists but cannot be opened is as good as missing for a runbook nobody can read.
        let descriptor = open(resolved, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return FileFact(path: path, resolvedPath: resolved, kind: .unreadable, size: Int(info.st_size),
                            parentExists: parentExists, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
        return FileFact(path: path, resolvedPath: resolved, kind: .regularFile, size: Int(info.st_size), parentExists: parentExists)
    }
}
