import Foundation

/// The files the host collector reads (daemon configs, the timesyncd marker): live, or mirrored in a capture.
public protocol HostFileSystem: Sendable {
    func read(_ path: String) -> HostFileRead
    /// Names of the entries in a folder, sorted; nil when it cannot be listed.
    func list(_ folder: String) -> [String]?
    func modificationTime(_ path: String) -> Date?
    /// How a path is cited in the report (a captured file is cited at its place in the capture folder).
    func cite(_ path: String) -> String
}
