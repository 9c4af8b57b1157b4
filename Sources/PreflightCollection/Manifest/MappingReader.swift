import PreflightModel
import Yams
import PreflightSupport

/// Reads one YAML mapping of the manifest, key by key.
///
/// Every key the parser asks for counts as known, so `finish()` can name the keys nobody asked for
/// (typos, keys from another section) with a "did you mean" from the same mapping's known keys.
/// Values under `credentials` are never quoted back in messages.
struct MappingReader {
    let node: Node
    let keyPath: String
    let diagnostics: ManifestDiagnostics
    private var entries: [(key: String, keyNode: Node, value: Node)] = []
    private var known: [String] = []

    init?(_ node: Node, keyPath: String, diagnostics: ManifestDiagnostics) {
        self.node = node
        self.keyPath = keyPath
        self.diagnostics = diagnostics
        guard case let .mapping(mapping) = node else {
            diagnostics.report("expected a mapping of keys, found \(Self.describe(node))", at: node, keyPath: keyPath.isEmpty ? nil : keyPath)
            return nil
        }
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard case let .scalar(scalar) = keyNode else {
                diagnostics.report("keys must be plain words", at: keyNode, keyPath: keyPath.isEmpty ? nil : keyPath)
                continue
            }
            if !seen.insert(scalar.string).inserted {
                diagnostics.report("duplicate key", at: keyNode, keyPath: path(scalar.string))
                continue
            }
            entries.append((scalar.string, keyNode, value))
        }
    }

    var isSensitive: Bool { keyPath.hasPrefix("credentials") }

    func path(_ key: String) -> String { keyPath.isEmpty ? key : "\(keyPath).\(key)" }

    func location(_ key: String) -> SourceLocation {
        diagnostics.location(of: value(key), keyPath: path(key))
    }

    /// The key's value node, or nil when the key is absent or explicitly null.
    private func value(_ key: String) -> Node? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        if case .scalar = entry.value, entry.value.tagName == .null { return nil }
        return entry.value
    }

    mutating func raw(_ key: String) -> Node? {
        if !known.contains(key) { known.append(key) }
        let node = value(key)
        if let node { diagnostics.recordValue(node, keyPath: path(key)) }
        return node
    }

    var presentKeys: [String] { entries.map(\.key) }

    mutating func has(_ key: String) -> Bool {
        if !known.contains(key) { known.append(key) }
        return value(key) != nil
    }

    private func typeError(_ key: String, _ node: Node, expected: String) {
        let found = isSensitive ? Self.describeKind(node) : Self.describe(node)
        diagnostics.report("expected \(expected), found \(found)", at: node, keyPath: path(key))
    }

    mutating func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = raw(key) else {
            if required { missing(key) }
            return nil
        }
        guard case let .scalar(scalar) = node, node.tagName != .bool else {
            typeError(key, node, expected: "a string")
            return nil
        }
        return Located(scalar.string, at: location(key))
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>? = nil) -> Located<Int>? {
        guard let node = raw(key) else { return nil }
        guard node.tagName == .int, let number = node.int else {
            typeError(key, node, expected: "a whole number")
            return nil
        }
        if let range, !range.contains(number) {
            diagnostics.report("\(number) is out of range \(range.lowerBound)...\(range.upperBound)", at: node, keyPath: path(key))
            return nil
        }
        return Located(number, at: location(key))
    }

    mutating func double(_ key: String) -> Located<Double>? {
        guard let node = raw(key) else { return nil }
        guard node.tagName == .int || node.tagName == .float, let number = node.float else {
            typeError(key, node, expected: "a number")
            return nil
        }
        return Located(number, at: location(key))
    }

    mutating func bool(_ key: String) -> Located<Bool>? {
        guard let node = raw(key) else { return nil }
        guard node.tagName == .bool, let flag = node.bool else {
            typeError(key, node, expected: "true or false")
            return nil
        }
        return Located(flag, at: location(key))
    }

    mutating func day(_ key: String) -> Located<DayStamp>? {
        guard let node = raw(key) else { return nil }
        guard case let .scalar(scalar) = node, let day = DayStamp(scalar.string) else {
            typeError(key, node, expected: "a day written YYYY-MM-DD")
            return nil
        }
        return Located(day, at: location(key))
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false) -> Located<Choice>?
    where Choice.RawValue == String {
        guard let node = raw(key) else {
            if required { missing(key) }
            return nil
        }
        guard let value = Self.choiceValue(node, Choice.self, keyPath: path(key), diagnostics: diagnostics) else { return nil }
        return Located(value, at: location(key))
    }

    mutating func strings(_ key: String) -> Located<[String]>? {
        guard let node = raw(key) else { return nil }
        guard case let .sequence(sequence) = node else {
            typeError(key, node, expected: "a list")
            return nil
        }
        var values: [String] = []
        for element in sequence {
            guard case let .scalar(scalar) = element else {
                typeError(key, element, expected: "a plain value in the list")
                continue
            }
            diagnostics.recordValue(element, keyPath: path(key))
            values.append(scalar.string)
        }
        return Located(values, at: location(key))
    }

    mutating func choices<Choice: RawRepresentable & CaseIterable>(_ key: String) -> Located<[Choice]>?
    where Choice.RawValue == String {
        guard let node = raw(key) else { return nil }
        guard case let .sequence(sequence) = node else {
            typeError(key, node, expected: "a list")
            return nil
        }
        let values = sequence.compactMap { Self.choiceValue($0, Choice.self, keyPath: path(key), diagnostics: diagnostics) }
        return Located(values, at: location(key))
    }

    mutating func mapping(_ key: String) -> MappingReader? {
        guard let node = raw(key) else { return nil }
        return MappingReader(node, keyPath: path(key), diagnostics: diagnostics)
    }

    mutating func sequence(_ key: String) -> [Node]? {
        guard let node = raw(key) else { return nil }
        guard case let .sequence(sequence) = node else {
            typeError(key, node, expected: "a list")
            return nil
        }
        return Array(sequence)
    }

    func missing(_ key: String) {
        diagnostics.report("missing required key '\(key)'", at: node, keyPath: path(key))
    }

    /// Reports every key nobody asked for.
    func finish() {
        for entry in entries where !known.contains(entry.key) {
            diagnostics.report(
                "unknown key '\(entry.key)'\(Suggestion.hint(for: entry.key, in: known))",
                at: entry.keyNode, keyPath: keyPath.isEmpty ? nil : keyPath
            )
        }
    }

    /// Marks keys as consumed without reading them (used where the caller reads them another way).
    mutating func accept(_ keys: [String]) { known.append(contentsOf: keys) }

    static func choiceValue<Choice: RawRepresentable & CaseIterable>(
        _ node: Node, _: Choice.Type, keyPath: String, diagnostics: ManifestDiagnostics
    ) -> Choice? where Choice.RawValue == String {
        let allowed = Choice.allCases.map(\.rawValue)
        guard case let .scalar(scalar) = node else {
            diagnostics.report("expected one of \(allowed.joined(separator: ", ")), found \(describe(node))", at: node, keyPath: keyPath)
            return nil
        }
        if let value = Choice(rawValue: scalar.string) { return value }
        diagnostics.report(
            "'\(scalar.string)' is not allowed\(Suggestion.hint(for: scalar.string, in: allowed))",
            at: node, keyPath: keyPath
        )
        return nil
    }

    static func describe(_ node: Node) -> String {
        if case let .scalar(scalar) = node {
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(37)) + "..." : scalar.string
            return "\(describeKind(node)) '\(text)'"
        }
        return describeKind(node)
    }

    static func describeKind(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar:
            switch node.tagName {
            case .int: "a whole number"
            case .float: "a number"
            case .bool: "a boolean"
            case .null: "nothing"
            default: "a string"
            }
        }
    }
}

extension Node {
    /// The resolved tag's name (Yams keeps `Tag.name` internal; `rawValue` is the same text).
    var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }
}
