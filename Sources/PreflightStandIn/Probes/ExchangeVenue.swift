/// Which exchange a request path belongs to; decides the error body a fault is dressed in.
enum ExchangeVenue: Sendable {
    case binance, bybit, okx, kraken, coinbase, unknown

    init(path: String) {
        // Coinbase's /api/v3/brokerage and OKX's /api/v5 must be tested before Binance's /api/.
        if path.hasPrefix("/api/v3/brokerage") {
            self = .coinbase
        } else if path.hasPrefix("/api/v5/") {
            self = .okx
        } else if path.hasPrefix("/api/") || path.hasPrefix("/fapi/") || path.hasPrefix("/sapi/") {
            self = .binance
        } else if path.hasPrefix("/v5/") {
            self = .bybit
        } else if path.hasPrefix("/0/") {
            self = .kraken
        } else {
            self = .unknown
        }
    }
}
