import PreflightModel

/// The error codes an exchange answers with when a signed request's timestamp falls outside its window
/// (shared/reference/exchanges.md). Coinbase signals an expired JWT with a bare 401, which cannot be told
/// apart from other auth failures, so it has none.
enum TimestampRejectionCodes {
    static func codes(for exchange: Exchange) -> Set<String> {
        switch exchange {
        case .binance, .binanceFutures: ["-1021"]
        case .bybit: ["10002"]
        case .okx: ["50102"]
        case .kraken: ["eapi:invalid nonce"]
        case .coinbase: []
        }
    }

    /// Codes are compared as written, except Kraken's text codes, which are compared without case.
    static func normalised(_ code: String) -> String {
        code.first == "E" || code.first == "e" ? code.lowercased() : code
    }
}
