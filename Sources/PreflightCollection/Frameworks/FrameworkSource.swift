import PreflightModel

/// A trading framework whose own config stands in for the manifest.
public enum FrameworkSource: Sendable, Equatable {
    case freqtrade
    /// The connector, when no strategy config beside conf_client.yml names it.
    case hummingbot(exchange: String?)

    /// The framework's config file when none is named.
    public var defaultConfigPath: String {
        switch self {
        case .freqtrade: "config.json"
        case .hummingbot: "conf/conf_client.yml"
        }
    }

    public func manifest(configPath: String) throws -> Manifest {
        switch self {
        case .freqtrade: try FreqtradeAdapter.manifest(configPath: configPath)
        case let .hummingbot(exchange): try HummingbotAdapter.manifest(configPath: configPath, exchange: exchange)
        }
    }
}
