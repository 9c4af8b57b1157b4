import Foundation

/// The configs and marker file as mirrored in a capture folder.
public struct CapturedHostFileSystem: HostFileSystem {
    public var folder: String

    public init(folder: String) { self.folder = folder }

    func mirrored(_ path: String) -> String {
        let relative = String(path.drop { $0 == "/" })
        return ((folder as NSString).appendingPathComponent(HostCaptures.configRoot) as NSString).appendingPathComponent(relative)
    }

    public func read(_ path: String) -> HostFileRead { LiveHostFileSystem().read(mirrored(path)) }

    public func list(_ folder: String) -> [String]? { LiveHostFileSystem().list(mirrored(folder)) }

    public func modificationTime(_ path: String) -> Date? {
        guard path == HostClockCollector.timesyncMarker else { return nil }
        let file = (folder as NSString).appendingPathComponent(HostCaptures.timesyncMarkerTime)
        guard let text = HostFileRead.small(file), let epoch = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)),
              (0...7.3e9).contains(epoch)
        else { return nil }
        return Date(timeIntervalSince1970: epoch)
    }

    public func cite(_ path: String) -> String { mirrored(path) }
}
