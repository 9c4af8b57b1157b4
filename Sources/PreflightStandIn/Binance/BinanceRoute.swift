/// Every Binance call the stand-in answers: spot REST, the `/sapi` calls ccxt makes at load and the key
/// probe, listen keys, and the futures time probe.
enum BinanceRoute: Sendable, Equatable {
    case ping, time, futuresTime, futuresExchangeInfo, exchangeInfo, depth, tickerPrice, ticker24h, bookTicker, klines
    case trades, avgPrice, systemStatus
    case account, newOrder, testOrder, queryOrder, cancelOrder, openOrders, cancelOpenOrders, allOrders, myTrades
    case commission, apiRestrictions, capitalConfig, tradeFee, assetDetail, marginPairs
    case listenKeyCreate, listenKeyKeepAlive, listenKeyClose

    init?(method: String, path: String) {
        switch (method, path) {
        case ("GET", "/api/v3/ping"): self = .ping
        case ("GET", "/api/v3/time"): self = .time
        case ("GET", "/fapi/v1/time"): self = .futuresTime
        case ("GET", "/fapi/v1/exchangeInfo"), ("GET", "/dapi/v1/exchangeInfo"): self = .futuresExchangeInfo
        case ("GET", "/api/v3/exchangeInfo"): self = .exchangeInfo
        case ("GET", "/api/v3/depth"): self = .depth
        case ("GET", "/api/v3/ticker/price"): self = .tickerPrice
        case ("GET", "/api/v3/ticker/24hr"): self = .ticker24h
        case ("GET", "/api/v3/ticker/bookTicker"): self = .bookTicker
        case ("GET", "/api/v3/klines"), ("GET", "/api/v3/uiKlines"): self = .klines
        case ("GET", "/api/v3/trades"), ("GET", "/api/v3/aggTrades"): self = .trades
        case ("GET", "/api/v3/avgPrice"): self = .avgPrice
        case ("GET", "/sapi/v1/system/status"): self = .systemStatus
        case ("GET", "/api/v3/account"): self = .account
        case ("POST", "/api/v3/order"): self = .newOrder
        case ("POST", "/api/v3/order/test"): self = .testOrder
        case ("GET", "/api/v3/order"): self = .queryOrder
        case ("DELETE", "/api/v3/order"): self = .cancelOrder
        case ("GET", "/api/v3/openOrders"): self = .openOrders
        case ("DELETE", "/api/v3/openOrders"): self = .cancelOpenOrders
        case ("GET", "/api/v3/allOrders"): self = .allOrders
        case ("GET", "/api/v3/myTrades"): self = .myTrades
        case ("GET", "/api/v3/account/commission"): self = .commission
        case ("GET", "/sapi/v1/account/apiRestrictions"): self = .apiRestrictions
        case ("GET", "/sapi/v1/capital/config/getall"): self = .capitalConfig
        case ("GET", "/sapi/v1/asset/tradeFee"): self = .tradeFee
        case ("GET", "/sapi/v1/asset/assetDetail"): self = .assetDetail
        // ccxt loads them with the markets unless options.fetchMargins is false (freqtrade leaves it on).
        case ("GET", "/sapi/v1/margin/allPairs"), ("GET", "/sapi/v1/margin/isolated/allPairs"): self = .marginPairs
        case ("POST", "/api/v3/userDataStream"): self = .listenKeyCreate
        case ("PUT", "/api/v3/userDataStream"): self = .listenKeyKeepAlive
        case ("DELETE", "/api/v3/userDataStream"): self = .listenKeyClose
        default: return nil
        }
    }

    /// Paths Binance serves under some method: another method gets 405, not 404.
    static func isKnownPath(_ path: String) -> Bool {
        ["GET", "POST", "PUT", "DELETE"].contains { BinanceRoute(method: $0, path: path) != nil }
    }

    var isSigned: Bool {
        switch self {
        case .account, .newOrder, .testOrder, .queryOrder, .cancelOrder, .openOrders, .cancelOpenOrders, .allOrders,
             .myTrades, .commission, .apiRestrictions, .capitalConfig, .tradeFee, .assetDetail, .marginPairs:
            true
        default:
            false
        }
    }

    /// Calls that take the API key header but no signature.
    var needsKeyOnly: Bool { self == .listenKeyCreate || self == .listenKeyKeepAlive || self == .listenKeyClose }

    var isOrderPlacement: Bool { self == .newOrder }
    var isOrderChange: Bool { self == .newOrder || self == .cancelOrder || self == .cancelOpenOrders }
    var isOrderQuery: Bool { self == .queryOrder || self == .openOrders || self == .allOrders || self == .myTrades }

    var isMarketData: Bool {
        switch self {
        case .depth, .tickerPrice, .ticker24h, .bookTicker, .klines, .trades, .avgPrice, .exchangeInfo: true
        default: false
        }
    }
}
