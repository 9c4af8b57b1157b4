import PreflightModel

/// The wait an exchange documents for a rate-limit answer that carries no Retry-After of its own, so a
/// retry can be held to it even when the logs do not record the header. exchanges.md: Bybit's HTTP 403
/// "access too frequent" blocks the IP for at least 10 minutes; Binance's 418 bans for 2 minutes to 3 days.
enum DocumentedRetryAfter {
    static func seconds(status: Int?, errorCode: String?, exchange: Exchange) -> Double? {
        switch (exchange, status) {
        case (.bybit, 403): 600
        case (.binance, 418), (.binanceFutures, 418): 120
        default: nil
        }
    }
}
