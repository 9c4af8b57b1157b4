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
    /// Bytes, not characters, for an ASCII endpoint: it runs on every request record. Leading `?`s are passed
    /// over, as a split on `?` would. Other text is compared by characters, where a combining mark or a
    /// prepended sign joins the byte beside it into a character of its own.
    static func matches(_ endpoint: String?, exchange: Exchange) -> Bool {
        guard let endpoint else { return false }
        let bytes = endpoint.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let bare = endpoint.split(separator: "?", maxSplits: 1).first.map(String.init) ?? endpoint
            return bare.hasSuffix(path(for: exchange))
        }
        let path = path(for: exchange).utf8
        let question = UInt8(ascii: "?")
        let start = bytes.firstIndex { $0 != question } ?? bytes.endIndex
        let end = bytes[start...].firstIndex(of: question) ?? bytes.endIndex
        let bare = bytes[start..<end]
        return bare.count >= path.count && bare.suffix(path.count).elementsEqual(path)
    }
}
