/// Evidence that a check must judge a given way. Examples document the rule and run as tests.
public struct CheckExample: Sendable {
    public var title: String
    /// Manifest YAML holding the sections that matter; `version` and `bot` are added when absent.
    public var manifest: String
    /// Facts about files the manifest points to, as the file collector would record them.
    public var files: [FileFact]
    public var expected: Status
    /// Text the finding's summary must contain, so an example proves the reason as well as the status.
    public var mentioning: String?

    public init(
        _ title: String, manifest: String, files: [FileFact] = [], expect expected: Status,
        mentioning: String? = nil
    ) {
        self.title = title
        self.manifest = manifest
        self.files = files
        self.expected = expected
        self.mentioning = mentioning
    }
}
