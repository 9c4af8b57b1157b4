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
    /// Bytes, not characters: it runs on every request record, and the paths are ASCII. Leading `?`s are
    /// passed over, as a split on `?` would.
    static func matches(_ endpoint: String?, exchange: Exchange) -> Bool {
        guard let endpoint else { return false }
        let path = path(for: exchange).utf8
        let bytes = endpoint.utf8
        let question = UInt8(ascii: "?")
        let start = bytes.firstIndex { $0 != question } ?? bytes.endIndex
        let end = bytes[start...].firstIndex(of: question) ?? bytes.endIndex
        let bare = bytes[start..<end]
        return bare.count >= path.count && bare.suffix(path.count).elementsEqual(path)
    }
}
