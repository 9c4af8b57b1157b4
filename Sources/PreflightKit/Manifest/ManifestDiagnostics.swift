import PreflightModel
import Yams

/// Collects every problem found while reading one manifest, so the user sees them all at once.
final class ManifestDiagnostics {
    let file: String
    private(set) var problems: [ManifestProblem] = []
    private(set) var inlineSecrets: [SourceLocation] = []

    init(file: String) {
        self.file = file
    }

    func report(_ message: String, at node: Node?, keyPath: String?) {
        let mark = node?.mark
        problems.append(ManifestProblem(file: file, line: mark?.line, column: mark?.column, keyPath: keyPath, message: message))
    }

    func recordSecret(at node: Node, keyPath: String) {
        inlineSecrets.append(location(of: node, keyPath: keyPath))
    }

    func location(of node: Node?, keyPath: String) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column, field: keyPath)
    }
}
