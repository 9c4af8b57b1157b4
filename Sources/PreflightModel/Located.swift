/// A declared value together with the place it was declared, so findings can cite it.
public struct Located<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: CustomStringConvertible {
    /// The value as the manifest spells it (`retry_then_escalate`, not the Swift case name).
    public var description: String {
        if let spelled = value as? any ManifestSpelling { return spelled.manifestSpelling }
        return "\(value)"
    }
}

/// A value that prints the way the manifest writes it.
public protocol ManifestSpelling {
    var manifestSpelling: String { get }
}

extension ManifestSpelling where Self: RawRepresentable, RawValue == String {
    public var manifestSpelling: String { rawValue }
}

extension Array: ManifestSpelling where Element: ManifestSpelling {
    public var manifestSpelling: String { "[" + map(\.manifestSpelling).joined(separator: ", ") + "]" }
}
