import Foundation
import PreflightModel
import Yams

/// A framework's own config file (JSON or YAML), read for the few keys an adapter needs, with the
/// file:line:column of each so findings can cite it. Unknown keys are the framework's business, not errors.
struct ConfigDocument {
    let path: String
    let root: Node

    init(path: String) throws {
        let text = try ManifestLoader.readText(path, what: "framework config")
        root = try ManifestLoader.compose(text, path: path, empty: "the config is empty")
        self.path = path
    }

    func node(_ keyPath: String) -> Node? {
        var current = root
        for key in keyPath.split(separator: ".") {
            guard case let .mapping(mapping) = current, let next = mapping[String(key)] else { return nil }
            current = next
        }
        if current.tagName == .null { return nil }
        return current
    }

    func location(_ keyPath: String) -> SourceLocation {
        let mark = node(keyPath)?.mark
        return SourceLocation(file: path, line: mark?.line, column: mark?.column, field: keyPath)
    }

    func string(_ keyPath: String) -> Located<String>? {
        guard let node = node(keyPath), case let .scalar(scalar) = node else { return nil }
        return Located(scalar.string, at: location(keyPath))
    }

    func bool(_ keyPath: String) -> Located<Bool>? {
        guard let value = node(keyPath)?.bool else { return nil }
        return Located(value, at: location(keyPath))
    }

    func int(_ keyPath: String) -> Located<Int>? {
        guard let value = node(keyPath)?.int else { return nil }
        return Located(value, at: location(keyPath))
    }

    func has(_ keyPath: String) -> Bool { node(keyPath) != nil }

    /// Places where a non-empty secret is written in the config. Only the place is kept.
    func secrets(_ keyPaths: [String]) -> [SourceLocation] {
        keyPaths.compactMap { keyPath in
            guard let value = string(keyPath), !value.value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return value.location
        }
    }
}

/// A citation for behaviour the framework has built in, documented in docs/frameworks.md.
func builtIn(_ framework: String, _ fact: String) -> SourceLocation {
    SourceLocation(file: "docs/frameworks.md#\(framework)", field: fact)
}
