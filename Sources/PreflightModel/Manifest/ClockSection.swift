public struct ClockSection: Codable, Sendable {
    public var recvWindowMs: Located<Int>?
    /// Offset (ms) at which the bot raises an alert.
    public var offsetAlertMs: Located<Int>?
    /// Whether every signed request's log record carries the local-vs-exchange offset.
    public var logsOffset: Located<Bool>?

    public init() {}
}
