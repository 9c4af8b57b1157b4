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

    /// Where each scalar value read was written (an alias yields its anchor's node, at the anchor's place),
    /// so that a secret reused elsewhere through an alias is caught before anything prints it.
    private var valuesRead: [(line: Int, column: Int, keyPath: String)] = []

    func recordValue(_ node: Node, keyPath: String) {
        guard case .scalar = node, let mark = node.mark else { return }
        valuesRead.append((mark.line, mark.column, keyPath))
    }

    /// Reports every value that is an inline secret read under another key (a YAML alias of it), without its text.
    func reportSecretsReusedElsewhere() {
        for secret in inlineSecrets {
            for value in valuesRead where value.line == secret.line && value.column == secret.column && value.keyPath != secret.field {
                problems.append(ManifestProblem(
                    file: file, line: value.line, column: value.column, keyPath: value.keyPath,
                    message: "this value is the inline secret at \(secret.field ?? "credentials") (a YAML alias of it); preflight never shows a secret, so write this value out on its own"
                ))
            }
        }
    }

    func location(of node: Node?, keyPath: String) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line, column: node?.mark?.column, field: keyPath)
    }
}
