/// The longest interval a daemon will poll at, and where that number came from.
public struct PollCeiling: Codable, Sendable, Equatable {
    public var seconds: Int
    /// In the daemon's own terms: `PollIntervalMaxUSec=34min 8s`, `maxpoll 9`, `chrony default maxpoll 10`.
    public var origin: String
    /// The config line that set it, when one did, where preflight read it (in a capture: the captured copy).
    public var location: SourceLocation?
    /// The file on the bot host where that line lives, when it differs from `location` (read from a capture).
    public var hostPath: String?
    /// That line as written (`pool 2.debian.pool.ntp.org iburst`).
    public var configLine: String?
    /// True when no setting was found and the daemon's built-in default applies.
    public var isDefault: Bool

    public init(
        seconds: Int, origin: String, location: SourceLocation? = nil, hostPath: String? = nil, configLine: String? = nil,
        isDefault: Bool = false
    ) {
        self.seconds = seconds
        self.hostPath = hostPath
        self.origin = origin
        self.location = location
        self.configLine = configLine
        self.isDefault = isDefault
    }
}
