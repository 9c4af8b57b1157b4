public struct MonitoringSection: Codable, Sendable {
    public var healthEndpoint: Located<String>?
    public var heartbeatIntervalSeconds: Located<Int>?

    public init() {}
}
