/// Evidence that a check must judge a given way. Examples document the rule and run as tests.
public struct CheckExample: Sendable {
    public var title: String
    /// Manifest YAML holding the sections that matter; `version` and `bot` are added when absent.
    public var manifest: String
    /// Facts about files the manifest points to, as the file collector would record them.
    public var files: [FileFact]
    /// Host clock evidence, as the host collector would record it.
    public var host: HostClockEvidence?
    /// Exchange probe results, as the exchange collector would record them.
    public var exchange: ExchangeEvidence?
    /// Log lines (JSON lines or logfmt) that the real reader turns into log evidence for this example.
    public var logs: String?
    public var expected: Status
    /// Text the finding's summary must contain, so an example proves the reason as well as the status.
    public var mentioning: String?

    public init(
        _ title: String, manifest: String, files: [FileFact] = [], host: HostClockEvidence? = nil,
        exchange: ExchangeEvidence? = nil, logs: String? = nil, expect expected: Status, mentioning: String? = nil
    ) {
        self.title = title
        self.manifest = manifest
        self.files = files
        self.host = host
        self.exchange = exchange
        self.logs = logs
        self.expected = expected
        self.mentioning = mentioning
    }
}
