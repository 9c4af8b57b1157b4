/// The signed calls: the account, orders, trades, the `/sapi` calls, listen keys.
extension BinanceSpotDialect {
    mutating func accountAnswer(_ route: BinanceRoute, _ parameters: BinanceParameters, serverTimeMs: Int64) throws(BinanceError) -> RoutedResponse? {
        switch route {
        case .account: return Self.ok(BinanceJSON.account(account, nowMs: serverTimeMs))
        case .commission:
            let symbol = try requiredMarket(parameters).symbol.name
            return Self.ok(#"{"symbol":"\#(symbol)","standardCommission":{"maker":"0.00100000","taker":"0.00100000","buyer":"0.00000000","seller":"0.00000000"},"taxCommission":{"maker":"0.00000000","taker":"0.00000000","buyer":"0.00000000","seller":"0.00000000"},"discount":{"enabledForAccount":false,"enabledForSymbol":false,"discountAsset":"BNB","discount":"0.75000000"}}"#)
        case .apiRestrictions: return Self.ok(configuration.binanceRestrictions)
        case .capitalConfig: return Self.ok(BinanceJSON.capitalConfig(account.balances.keys.sorted()))
        case .tradeFee:
            let fees = MarketSymbol.all.map { #"{"symbol":"\#($0.name)","makerCommission":"0.001","takerCommission":"0.001"}"# }
            return Self.ok("[" + fees.joined(separator: ",") + "]")
        case .assetDetail: return Self.ok("{}")
        // The drill account trades spot only: no pair is margin-tradable for it.
        case .marginPairs: return Self.ok("[]")
        case .listenKeyCreate: return Self.ok(#"{"listenKey":"\#(newListenKey())"}"#)
        case .listenKeyKeepAlive, .listenKeyClose:
            guard let key = parameters["listenKey"], listenKeys.contains(key) else {
                throw BinanceError(status: 400, code: -1125, message: "This listenKey does not exist.", outcome: "unknown listen key")
            }
            if route == .listenKeyClose { listenKeys.remove(key) }
            return Self.ok("{}")
        case .myTrades:
            let symbol = try requiredMarket(parameters).symbol.name
            let rows = account.trades.filter { $0.symbol == symbol }.suffix(1000).map(BinanceJSON.myTrade)
            return Self.ok("[" + rows.joined(separator: ",") + "]")
        default:
            return nil
        }
    }

    mutating func orderAnswer(
        _ route: BinanceRoute, _ parameters: BinanceParameters, serverTimeMs: Int64, bookThenDrop: Bool
    ) throws(BinanceError) -> Answer {
        switch route {
        case .newOrder, .testOrder:
            return try place(parameters, serverTimeMs: serverTimeMs, test: route == .testOrder, bookThenDrop: bookThenDrop)
        case .queryOrder:
            return Answer(routed: Self.ok(BinanceJSON.queried(try existingOrder(parameters, error: .unknownOrder))))
        case .cancelOrder:
            let order = try existingOrder(parameters, error: .unknownOrderCancel)
            let symbolMarket = try requiredMarket(parameters)
            guard let canceled = account.cancel(order.orderID, nowMs: serverTimeMs, market: symbolMarket) else { throw .unknownOrderCancel }
            let original = parameters["origClientOrderId"] ?? order.clientOrderID
            return Answer(routed: Self.ok(BinanceJSON.canceled(canceled, originalClientOrderID: original, transactMs: serverTimeMs)))
        case .openOrders:
            let symbol: String? = parameters["symbol"] == nil ? nil : try requiredMarket(parameters).symbol.name
            return Answer(routed: Self.ok("[" + account.openOrders(symbol: symbol).map(BinanceJSON.queried).joined(separator: ",") + "]"))
        case .cancelOpenOrders:
            let symbolMarket = try requiredMarket(parameters)
            let canceled = account.openOrders(symbol: symbolMarket.symbol.name).compactMap {
                account.cancel($0.orderID, nowMs: serverTimeMs, market: symbolMarket)
            }
            guard !canceled.isEmpty else { throw .unknownOrderCancel }
            let rows = canceled.map { BinanceJSON.canceled($0, originalClientOrderID: $0.clientOrderID, transactMs: serverTimeMs) }
            return Answer(routed: Self.ok("[" + rows.joined(separator: ",") + "]"))
        case .allOrders:
            let symbol = try requiredMarket(parameters).symbol.name
            return Answer(routed: Self.ok("[" + account.allOrders(symbol: symbol).suffix(1000).map(BinanceJSON.queried).joined(separator: ",") + "]"))
        default:
            return Answer(routed: RoutedResponse(response: .json(404, #"{"code":-1000,"msg":"Unknown path."}"#), outcome: "404 unknown path"))
        }
    }

    private func existingOrder(_ parameters: BinanceParameters, error: BinanceError) throws(BinanceError) -> SpotOrder {
        let symbol = try requiredMarket(parameters).symbol.name
        let orderID = parameters["orderId"].flatMap { Int64($0) }
        let clientID = parameters["origClientOrderId"]
        guard orderID != nil || clientID != nil else {
            throw BinanceError(status: 400, code: -1102, message: "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!", outcome: "no order id")
        }
        guard let order = account.order(symbol: symbol, orderID: orderID, clientOrderID: clientID) else { throw error }
        return order
    }

    /// Validates in Binance's order (symbol, side, type, time in force, amounts, filters), rejects a client
    /// order id an open order already has, reserves the balance, books, fills what crosses.
    private mutating func place(
        _ parameters: BinanceParameters, serverTimeMs: Int64, test: Bool, bookThenDrop: Bool
    ) throws(BinanceError) -> Answer {
        let symbolMarket = try requiredMarket(parameters)
        var order = try OrderRequest.parse(parameters, market: symbolMarket, orderID: 0, nowMs: serverTimeMs)
        if test { return Answer(routed: Self.ok("{}")) }
        if account.openOrder(clientOrderID: order.clientOrderID) != nil { throw .duplicateOrder }
        order.orderID = account.newOrderID()
        guard account.reserve(order, market: symbolMarket) else { throw .insufficientBalance }
        let lostTwin = account.lostAnswerTwin(of: order)
        let twin = lostTwin ?? account.orphanTwin(of: order)
        let booked = account.place(order, market: symbolMarket, nowMs: serverTimeMs)
        if bookThenDrop { account.markAnswerLost(booked.orderID) }
        if lostTwin == nil, let twin { account.markTwinned(twin.orderID) }
        let body = BinanceJSON.placed(booked, responseType: parameters["newOrderRespType"] ?? "FULL")
        return Answer(
            routed: Self.ok(body), orderID: booked.orderID, duplicateOfOrderID: twin?.orderID,
            duplicateCause: twin == nil ? nil : lostTwin == nil ? "crash" : "lost_response"
        )
    }
}

extension SpotAccount {
    /// How long after a lost answer a like order counts as its re-send: a retry comes within seconds, an
    /// order a minute later is the bot's next decision.
    static let resendWindowMs: Int64 = 30_000

    /// An earlier order whose answer was lost and that this one repeats under another client order id:
    /// the double order a re-send under a new id makes.
    func lostAnswerTwin(of order: SpotOrder) -> SpotOrder? {
        orders.values.filter { earlier in
            earlier.answerLost && order.timeMs - earlier.timeMs <= Self.resendWindowMs
                && earlier.clientOrderID != order.clientOrderID && earlier.symbol == order.symbol
                && earlier.side == order.side && earlier.kind == order.kind && earlier.quantity == order.quantity
                && (order.kind == .market || earlier.price == order.price)
        }.max { $0.orderID < $1.orderID }
    }

    /// An order the killed process left open that this one, from the bot's next process, places again:
    /// same symbol, side, kind and quantity while the first is still on the book, whatever the price
    /// (the market moved meanwhile).
    func orphanTwin(of order: SpotOrder) -> SpotOrder? {
        orders.values.filter { earlier in
            earlier.orphaned && !earlier.twinned && earlier.state.isOpen && earlier.clientOrderID != order.clientOrderID
                && earlier.symbol == order.symbol && earlier.side == order.side && earlier.kind == order.kind
                && earlier.quantity == order.quantity
        }.min { $0.orderID < $1.orderID }
    }
}
