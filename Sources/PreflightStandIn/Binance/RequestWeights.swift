/// Binance's request-weight accounting: each endpoint costs a weight, summed per minute (the window
/// Binance reports in `X-MBX-USED-WEIGHT-1M`); past the limit the answer is 429.
struct RequestWeights: Sendable {
    let limitPerMinute: Int
    private var minute: Int64 = -1
    private(set) var used = 0

    init(limitPerMinute: Int) { self.limitPerMinute = limitPerMinute }

    /// Adds the request's weight; false when it takes the minute over the limit.
    mutating func spend(_ weight: Int, atMs now: Int64) -> Bool {
        let current = now / 60_000
        if current != minute {
            minute = current
            used = 0
        }
        used += weight
        return used <= limitPerMinute
    }

    /// Binance spot's documented weights (2026); unknown paths cost 1.
    static func weight(method: String, path: String, parameters: BinanceParameters) -> Int {
        let hasSymbol = parameters["symbol"] != nil || parameters["symbols"] != nil
        switch (method, path) {
        case (_, "/api/v3/exchangeInfo"): return 20
        case (_, "/api/v3/depth"):
            let limit = parameters["limit"].flatMap { Int($0) } ?? 100
            switch limit {
            case ...100: return 5
            case ...500: return 25
            case ...1000: return 50
            default: return 250
            }
        case (_, "/api/v3/ticker/24hr"): return hasSymbol ? 2 : 80
        case (_, "/api/v3/ticker/price"), (_, "/api/v3/ticker/bookTicker"): return hasSymbol ? 2 : 4
        case (_, "/api/v3/klines"), (_, "/api/v3/uiKlines"), (_, "/api/v3/avgPrice"): return 2
        case (_, "/api/v3/trades"), (_, "/api/v3/aggTrades"): return 25
        case (_, "/api/v3/account"), (_, "/api/v3/allOrders"), (_, "/api/v3/myTrades"): return 20
        case ("GET", "/api/v3/order"): return 4
        case ("GET", "/api/v3/openOrders"): return hasSymbol ? 6 : 80
        case (_, "/sapi/v1/capital/config/getall"): return 10
        case (_, "/api/v3/userDataStream"): return 2
        default: return 1
        }
    }
}
