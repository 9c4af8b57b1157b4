import Foundation

/// Binance spot as the stand-in speaks it: the market, the drill account and the request weights, and
/// an answer for every `BinanceRoute`. Runs under the core's lock; never blocks.
struct BinanceSpotDialect: Sendable {
    let configuration: StandInConfiguration
    var market: SeededMarket
    var account: SpotAccount
    var weights: RequestWeights
    var listenKeys: Set<String> = []
    private var listenKeySerial = 0

    /// What one request came to, beyond the response: the order it booked, if any.
    struct Answer: Sendable {
        var routed: RoutedResponse
        var orderID: Int64?
        var duplicateOfOrderID: Int64?
        /// Why it is a double: "lost_response" (its twin's answer was withheld) or "crash" (its twin was
        /// left open by the process the drill killed).
        var duplicateCause: String?
    }

    init(configuration: StandInConfiguration, startMs: Int64) {
        self.configuration = configuration
        market = SeededMarket(seed: configuration.marketSeed, startMs: startMs)
        account = SpotAccount(startingBalances: configuration.startingBalances)
        weights = RequestWeights(limitPerMinute: configuration.weightPerMinute)
    }

    /// Steps the market to now and fills what its new prices crossed.
    mutating func advance(toMs now: Int64) -> [(symbol: String, step: MarketStep)] {
        let steps = market.advance(to: now)
        for name in Set(steps.map(\.symbol)) {
            if let symbolMarket = market[name] { account.match(symbolMarket, nowMs: now) }
        }
        return steps
    }

    /// Key and signature checks, weights, then the route's own answer.
    mutating func respond(
        _ route: BinanceRoute, _ request: StandInRequest, _ parameters: BinanceParameters, serverTimeMs: Int64,
        wallMs: Int64, bookThenDrop: Bool
    ) -> Answer {
        let weight = RequestWeights.weight(method: request.method, path: request.path, parameters: parameters)
        guard weights.spend(weight, atMs: wallMs) else {
            return Answer(routed: withWeight(FaultBoard.tooManyRequests(retryAfter: Int(60 - (wallMs / 1000) % 60)).routed))
        }
        do {
            if route.isSigned {
                try BinanceSignature.verify(
                    request, parameters, apiKey: configuration.apiKey, secret: configuration.apiSecret, serverTimeMs: serverTimeMs
                )
            } else if route.needsKeyOnly {
                try BinanceSignature.verifyKey(request, apiKey: configuration.apiKey)
            }
            var answer = try answer(route, parameters, serverTimeMs: serverTimeMs, bookThenDrop: bookThenDrop)
            answer.routed = withWeight(answer.routed)
            return answer
        } catch {
            return Answer(routed: withWeight(error.routed))
        }
    }

    private func withWeight(_ routed: RoutedResponse) -> RoutedResponse {
        var routed = routed
        routed.response.setHeader("X-MBX-USED-WEIGHT-1M", "\(weights.used)")
        return routed
    }

    private mutating func answer(
        _ route: BinanceRoute, _ parameters: BinanceParameters, serverTimeMs: Int64, bookThenDrop: Bool
    ) throws(BinanceError) -> Answer {
        if let routed = try publicAnswer(route, parameters, serverTimeMs: serverTimeMs) { return Answer(routed: routed) }
        if let routed = try accountAnswer(route, parameters, serverTimeMs: serverTimeMs) { return Answer(routed: routed) }
        return try orderAnswer(route, parameters, serverTimeMs: serverTimeMs, bookThenDrop: bookThenDrop)
    }

    static func ok(_ body: String) -> RoutedResponse { RoutedResponse(response: .json(200, body), outcome: "200") }

    private func publicAnswer(_ route: BinanceRoute, _ parameters: BinanceParameters, serverTimeMs: Int64) throws(BinanceError) -> RoutedResponse? {
        switch route {
        case .ping: return Self.ok("{}")
        case .time, .futuresTime: return Self.ok(#"{"serverTime":\#(serverTimeMs)}"#)
        case .futuresExchangeInfo:
            return Self.ok(#"{"timezone":"UTC","serverTime":\#(serverTimeMs),"rateLimits":[],"exchangeFilters":[],"assets":[],"symbols":[]}"#)
        case .systemStatus: return Self.ok(#"{"status":0,"msg":"normal"}"#)
        case .exchangeInfo:
            let wanted = try symbolFilter(parameters)
            let symbols = MarketSymbol.all.filter { wanted?.contains($0.name) ?? true }
            return Self.ok(BinanceJSON.exchangeInfo(symbols, serverTimeMs: serverTimeMs, weightPerMinute: weights.limitPerMinute))
        case .depth:
            let symbolMarket = try requiredMarket(parameters)
            let limit = min(5000, max(1, parameters["limit"].flatMap { Int($0) } ?? 100))
            return Self.ok(BinanceJSON.depth(symbolMarket, limit: limit))
        case .tickerPrice: return Self.ok(try perSymbol(parameters, BinanceJSON.price))
        case .bookTicker: return Self.ok(try perSymbol(parameters, BinanceJSON.bookTicker))
        case .ticker24h: return Self.ok(try perSymbol(parameters) { BinanceJSON.ticker24h($0, nowMs: serverTimeMs) })
        case .avgPrice:
            let symbolMarket = try requiredMarket(parameters)
            return Self.ok(#"{"mins":5,"price":"\#(FixedPoint(symbolMarket.price, tick: symbolMarket.symbol.tickSize).text)","closeTime":\#(serverTimeMs)}"#)
        case .klines: return Self.ok(try klines(parameters, serverTimeMs: serverTimeMs))
        case .trades:
            let symbolMarket = try requiredMarket(parameters)
            let limit = min(1000, max(1, parameters["limit"].flatMap { Int($0) } ?? 500))
            let trades = symbolMarket.recent.suffix(limit).map { BinanceJSON.trade($0.trade) }
            return Self.ok("[" + trades.joined(separator: ",") + "]")
        default:
            return nil
        }
    }

    func requiredMarket(_ parameters: BinanceParameters) throws(BinanceError) -> SymbolMarket {
        guard let name = parameters["symbol"], !name.isEmpty else { throw .missing("symbol") }
        guard let symbolMarket = market[name.uppercased()] else { throw .invalidSymbol }
        return symbolMarket
    }

    /// `symbol=X` or `symbols=["X","Y"]`; nil when neither is given (every pair).
    private func symbolFilter(_ parameters: BinanceParameters) throws(BinanceError) -> [String]? {
        if let one = parameters["symbol"] {
            guard market[one] != nil else { throw .invalidSymbol }
            return [one]
        }
        guard let list = parameters["symbols"] else { return nil }
        let names = list.trimmingCharacters(in: ["[", "]"]).split(separator: ",").map {
            String($0).trimmingCharacters(in: [" ", "\""])
        }
        guard names.allSatisfy({ market[$0] != nil }) else { throw .invalidSymbol }
        return names
    }

    /// One object for `symbol=`, an array otherwise.
    private func perSymbol(_ parameters: BinanceParameters, _ render: (SymbolMarket) -> String) throws(BinanceError) -> String {
        if parameters["symbol"] != nil { return render(try requiredMarket(parameters)) }
        let names = try symbolFilter(parameters) ?? MarketSymbol.all.map(\.name)
        return "[" + names.compactMap { market[$0].map(render) }.joined(separator: ",") + "]"
    }

    private func klines(_ parameters: BinanceParameters, serverTimeMs: Int64) throws(BinanceError) -> String {
        let symbolMarket = try requiredMarket(parameters)
        guard let intervalText = parameters["interval"] else { throw .missing("interval") }
        guard let interval = Self.intervalMs(intervalText) else { throw .invalidParameter("interval", intervalText) }
        let limit = min(1000, max(1, parameters["limit"].flatMap { Int($0) } ?? 500))
        let end = parameters["endTime"].flatMap { Int64($0) } ?? serverTimeMs
        var firstOpen = end - end % interval - Int64(limit - 1) * interval
        if let start = parameters["startTime"].flatMap({ Int64($0) }) { firstOpen = start - start % interval + (start % interval == 0 ? 0 : interval) }
        let live = Dictionary(symbolMarket.candles.map { ($0.openTimeMs, $0) }, uniquingKeysWith: { _, last in last })
        var rows: [String] = []
        var open = max(0, firstOpen)
        while rows.count < limit, open <= min(end, serverTimeMs) {
            var candle = (interval == 60_000 ? live[open] : nil) ?? symbolMarket.historicCandle(intervalMs: interval, openTimeMs: open)
            if open + interval > serverTimeMs { candle.close = symbolMarket.price }
            rows.append(BinanceJSON.kline(candle, symbol: symbolMarket.symbol))
            open += interval
        }
        return "[" + rows.joined(separator: ",") + "]"
    }

    static func intervalMs(_ text: String) -> Int64? {
        let table: [String: Int64] = [
            "1s": 1000, "1m": 60_000, "3m": 180_000, "5m": 300_000, "15m": 900_000, "30m": 1_800_000, "1h": 3_600_000,
            "2h": 7_200_000, "4h": 14_400_000, "6h": 21_600_000, "8h": 28_800_000, "12h": 43_200_000, "1d": 86_400_000,
            "3d": 259_200_000, "1w": 604_800_000, "1M": 2_592_000_000,
        ]
        return table[text]
    }

    mutating func newListenKey() -> String {
        listenKeySerial += 1
        let key = "pfl" + String(configuration.marketSeed, radix: 36) + String(listenKeySerial, radix: 36)
        let padded = key + String(repeating: "0", count: max(0, 60 - key.count))
        listenKeys.insert(padded)
        return padded
    }
}
