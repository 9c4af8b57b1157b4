import PreflightModel

/// The exchange's server-time endpoint, so that a fresh measurement of the exchange's clock shows in the
/// logs (the documented remedy after a timestamp rejection: measure, re-sign once, escalate).
enum ServerTimeEndpoint {
    static func path(for exchange: Exchange) -> String {
        switch exchange {
        case .binance: "/api/v3/time"
        case .binanceFutures: "/fapi/v1/time"
        case .bybit: "/v5/market/time"
        case .okx: "/api/v5/public/time"
        case .kraken: "/0/public/Time"
        case .coinbase: "/api/v3/brokerage/time"
        }
    }

    /// Whether a logged endpoint (a path, or a whole URL, perhaps with a query) is that endpoint.
    static func matches(_ endpoint: String?, exchange: Exchange) -> Bool {
        guard let endpoint else { return false }
        let path = path(for: exchange)
        let bare = endpoint.split(separator: "?", maxSplits: 1).first.map(String.init) ?? endpoint
        return bare.hasSuffix(path)
    }
}
