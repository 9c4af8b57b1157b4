public enum Exchange: String, Codable, Sendable, CaseIterable, ManifestSpelling {
    case binance
    case binanceFutures = "binance-futures"
    case bybit
    case okx
    case kraken
    case coinbase

    /// The recvWindow the exchange applies when a request names none (OKX's window is fixed at 30 s).
    public var defaultRecvWindowMs: Int? {
        switch self {
        case .binance, .binanceFutures, .bybit: 5000
        case .okx: 30000
        case .kraken, .coinbase: nil
        }
    }
}
