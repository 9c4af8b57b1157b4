/// Every request the probe layer can make. All are GETs that read: no order is placed, changed or
/// cancelled, nothing is written. `ReadOnlyProbeClient` accepts nothing else.
public enum ProbeEndpoint: String, CaseIterable, Sendable {
    case binanceTime
    case binanceFuturesTime
    case binanceKeyRestrictions
    case bybitTime
    case bybitKeyInfo
    case okxTime
    case okxAccountConfig
    case krakenTime
    case coinbaseTime
    case coinbaseKeyPermissions

    public var method: String { "GET" }

    public var path: String {
        switch self {
        case .binanceTime: "/api/v3/time"
        case .binanceFuturesTime: "/fapi/v1/time"
        case .binanceKeyRestrictions: "/sapi/v1/account/apiRestrictions"
        case .bybitTime: "/v5/market/time"
        case .bybitKeyInfo: "/v5/user/query-api"
        case .okxTime: "/api/v5/public/time"
        case .okxAccountConfig: "/api/v5/account/config"
        case .krakenTime: "/0/public/Time"
        case .coinbaseTime: "/api/v3/brokerage/time"
        case .coinbaseKeyPermissions: "/api/v3/brokerage/key_permissions"
        }
    }

    /// The exchange's own host, used unless the manifest sets bot.base_url.
    public var defaultBase: String {
        switch self {
        case .binanceTime, .binanceKeyRestrictions: "https://api.binance.com"
        case .binanceFuturesTime: "https://fapi.binance.com"
        case .bybitTime, .bybitKeyInfo: "https://api.bybit.com"
        case .okxTime, .okxAccountConfig: "https://www.okx.com"
        case .krakenTime: "https://api.kraken.com"
        case .coinbaseTime, .coinbaseKeyPermissions: "https://api.coinbase.com"
        }
    }
}
