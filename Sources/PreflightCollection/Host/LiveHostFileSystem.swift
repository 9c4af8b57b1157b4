import Foundation

/// This machine's own files.
public struct LiveHostFileSystem: HostFileSystem {
    public init() {}

    public func read(_ path: String) -> HostFileRead { .bounded(path) }

    public func list(_ folder: String) -> [String]? {
        (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted()
    }

    public func modificationTime(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    public func cite(_ path: String) -> String { path }
}
