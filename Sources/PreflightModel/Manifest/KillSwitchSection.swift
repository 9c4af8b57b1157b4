public struct KillSwitchSection: Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable, ManifestSpelling {
        case flagFile = "flag_file"
        case adminEndpoint = "admin_endpoint"
        case signal
        case chatCommand = "chat_command"
        case redeploy
    }

    public var location: SourceLocation
    public var kind: Located<Kind>?
    /// A path, URL, signal name or chat command, by kind.
    public var target: Located<String>?
    public var lastExercised: Located<DayStamp>?

    public init(location: SourceLocation) {
        self.location = location
    }
}
