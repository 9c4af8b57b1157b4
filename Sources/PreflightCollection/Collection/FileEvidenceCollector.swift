import Foundation
import PreflightModel
import PreflightSupport

/// Looks at the files the manifest points to (rotation runbook, kill-switch flag file), relative to the manifest's folder.
public struct FileEvidenceCollector: EvidenceCollector {
    public var files: any FileSystem

    public init(files: any FileSystem = LiveFileSystem()) { self.files = files }

    public func collect(for manifest: Manifest) async -> [FileFact] {
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
        let parentExists = files.inspect(parentPath.isEmpty ? "." : parentPath) == .directory
        switch files.inspect(resolved) {
        case .missing(let reason):
            return FileFact(path: path, resolvedPath: resolved, kind: .missing, parentExists: parentExists, reason: reason)
        case .unreadable(let reason):
            return FileFact(path: path, resolvedPath: resolved, kind: .unreadable, parentExists: parentExists, reason: reason)
        case .directory:
            return FileFact(path: path, resolvedPath: resolved, kind: .directory, parentExists: parentExists)
        case .special(let kind):
            return FileFact(path: path, resolvedPath: resolved, kind: .unreadable, parentExists: parentExists,
                            reason: "\(kind), not a regular file")
        case .regularFile(let size, let readable, let reason):
            return FileFact(path: path, resolvedPath: resolved, kind: readable ? .regularFile : .unreadable, size: size,
                            parentExists: parentExists, reason: reason)
        }
    }
}
