/// The bot's declared policy, as read from `preflight.yml`. Every value keeps its file:line:column.
public struct Manifest: Codable, Sendable {
    public static let supportedVersion = 1

    /// The manifest file's path as given on the command line.
    public var path: String
    public var version: Int
    public var bot: BotSection
    public var credentials: CredentialsSection?
    public var clock: ClockSection?
    public var concurrency: ConcurrencySection?
    public var retry: RetrySection?
    public var errors: ErrorHandlingSection?
    public var circuitBreakers: CircuitBreakersSection?
    public var streams: StreamsSection?
    public var recovery: RecoverySection?
    public var orders: OrdersSection?
    public var killSwitch: KillSwitchSection?
    public var monitoring: MonitoringSection?
    public var logs: LogsSection?
    public var policy: PolicySection?
    public var suppressions: [Suppression]
    /// Keys that hold a secret written inline. Only the place is kept, never the value.
    public var inlineSecrets: [SourceLocation]
    /// The framework whose own config this manifest was derived from (freqtrade, hummingbot); nil for a preflight.yml.
    public var derivedFrom: String?

    public init(path: String, version: Int = Manifest.supportedVersion, bot: BotSection) {
        self.path = path
        self.version = version
        self.bot = bot
        suppressions = []
        inlineSecrets = []
    }

    /// Where a whole section starts, for findings about a section that is missing.
    public var fileLocation: SourceLocation { SourceLocation(file: path) }
}
