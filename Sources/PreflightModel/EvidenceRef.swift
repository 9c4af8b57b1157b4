/// One piece of evidence a finding cites: its kind, where it is, and what it says.
public struct EvidenceRef: Codable, Sendable, Equatable {
    public var source: SourceKind
    public var location: SourceLocation?
    public var detail: String

    public init(_ source: SourceKind, at location: SourceLocation?, _ detail: String) {
        self.source = source
        self.location = location
        self.detail = detail
    }

    /// Cites a declared manifest value: `retry.max_attempts = 5` at its file:line:column.
    public static func declared<Value>(_ located: Located<Value>, _ detail: String? = nil) -> EvidenceRef {
        let field = located.location.field ?? "value"
        return EvidenceRef(.manifest, at: located.location, detail ?? "\(field) = \(text(located.value))")
    }

    /// A declared value as the manifest spells it: enum cases by their YAML names, lists in brackets.
    static func text(_ value: Any) -> String {
        if let raw = (value as? any RawRepresentable)?.rawValue as? String { return raw }
        if let list = value as? [Any] { return "[" + list.map(text).joined(separator: ", ") + "]" }
        return "\(value)"
    }
}
