import Foundation

enum PackagePaths {
    /// The package root, found from this file's place in Tests/.
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
