/// What the bot does on each class of failure.
public struct ErrorHandlingSection: Codable, Sendable {
    public enum Action: String, Codable, Sendable, CaseIterable, ManifestSpelling {
        case halt
        case escalate
        case backoff
        case shed
        case drop
        case retry
        case retryThenEscalate = "retry_then_escalate"
        case retryThenHalt = "retry_then_halt"
        case ignore
    }

    public var auth: Located<Action>?
    public var rateLimit: Located<Action>?
    public var platform: Located<Action>?
    public var validation: Located<Action>?

    public init() {}
}
