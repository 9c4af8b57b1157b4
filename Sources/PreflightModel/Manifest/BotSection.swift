public struct BotSection: Codable, Sendable {
    public enum Mode: String, Codable, Sendable, CaseIterable, ManifestSpelling {
        case trading
        case readOnly = "read_only"
    }

    public enum Market: String, Codable, Sendable, CaseIterable, ManifestSpelling {
        case spot, margin, futures, options
    }

    public var name: Located<String>
    public var exchange: Located<Exchange>
    public var baseURL: Located<String>?
    public var mode: Located<Mode>?
    public var markets: Located<[Market]>?

    public init(name: Located<String>, exchange: Located<Exchange>) {
        self.name = name
        self.exchange = exchange
    }

    public var effectiveMode: Mode { mode?.value ?? .trading }
    public var effectiveMarkets: [Market] { markets?.value ?? [.spot] }
}
