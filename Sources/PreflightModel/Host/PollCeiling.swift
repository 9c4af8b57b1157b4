/// The longest interval a daemon will poll at, and where that number came from.
public struct PollCeiling: Codable, Sendable, Equatable {
    public var seconds: Int
    /// In the daemon's own terms: `PollIntervalMaxUSec=34min 8s`, `maxpoll 9`, `chrony default maxpoll 10`.
    public var origin: String
    /// The config line that set it, when one did.
    public var location: SourceLocation?
    /// That line as written (`pool 2.debian.pool.ntp.org iburst`).
    public var configLine: String?
    /// True when no setting was found and the daemon's built-in default applies.
    public var isDefault: Bool

    public init(
        seconds: Int, origin: String, location: SourceLocation? = nil, configLine: String? = nil, isDefault: Bool = false
    ) {
        self.seconds = seconds
        self.origin = origin
        self.location = location
        self.configLine = configLine
        self.isDefault = isDefault
    }
}
