import Foundation

/// This machine's own files.
public struct LiveHostFileSystem: HostFileSystem {
    public init() {}

    public func read(_ path: String) -> HostFileRead {
        guard FileManager.default.fileExists(atPath: path) else { return .missing }
        guard access(path, R_OK) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        guard let data = FileManager.default.contents(atPath: path) else { return .unreadable("cannot be read (a folder?)") }
        return .contents(String(decoding: data, as: UTF8.self))
    }

    public func list(_ folder: String) -> [String]? {
        (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted()
    }

    public func modificationTime(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    public func cite(_ path: String) -> String { path }
}
