/// The drill account: balances (free and locked), orders, and the matching of resting orders as the
/// market steps. Fees are 0.1%, taken from what the order receives.
struct SpotAccount: Sendable {
    static let feeRate = FixedPoint(units: 100_000)  // 0.001
    static let keptClosedOrders = 5000

    struct Balance: Sendable {
        var free: FixedPoint
        var locked: FixedPoint
    }

    private(set) var balances: [String: Balance]
    private(set) var orders: [Int64: SpotOrder] = [:]
    private(set) var trades: [(orderID: Int64, symbol: String, fill: SpotOrder.Fill, side: SpotOrder.Side)] = []
    private var nextOrderID: Int64 = 4_200_000
    private var nextTradeID: Int64 = 90_000_000
    private var closedOrder: [Int64] = []
    /// Order changes since the last look, for the user-data stream.
    private(set) var changes: [SpotOrder] = []

    init(startingBalances: [String: String]) {
        var balances: [String: Balance] = [:]
        for (asset, amount) in startingBalances {
            balances[asset] = Balance(free: (try? FixedPoint.parse(amount)) ?? .zero, locked: .zero)
        }
        for symbol in MarketSymbol.all {
            for asset in [symbol.base, symbol.quote] where balances[asset] == nil {
                balances[asset] = Balance(free: .zero, locked: .zero)
            }
        }
        self.balances = balances
    }

    func openOrder(clientOrderID: String) -> SpotOrder? {
        orders.values.first { $0.state.isOpen && $0.clientOrderID == clientOrderID }
    }

    func order(symbol: String, orderID: Int64?, clientOrderID: String?) -> SpotOrder? {
        if let orderID, let order = orders[orderID], order.symbol == symbol { return order }
        guard let clientOrderID else { return nil }
        // The newest order with that client id (a filled one may share it with a later one).
        return orders.values.filter { $0.symbol == symbol && $0.clientOrderID == clientOrderID }.max { $0.orderID < $1.orderID }
    }

    func openOrders(symbol: String?) -> [SpotOrder] {
        orders.values.filter { $0.state.isOpen && (symbol == nil || $0.symbol == symbol) }.sorted { $0.orderID < $1.orderID }
    }

    func allOrders(symbol: String) -> [SpotOrder] {
        orders.values.filter { $0.symbol == symbol }.sorted { $0.orderID < $1.orderID }
    }

    mutating func takeChanges() -> [SpotOrder] {
        defer { changes = [] }
        return changes
    }

    mutating func newOrderID() -> Int64 {
        nextOrderID += 1
        return nextOrderID
    }

    /// Locks what the order may spend; false when the free balance is short.
    mutating func reserve(_ order: SpotOrder, market: SymbolMarket) -> Bool {
        let symbol = market.symbol
        let (asset, amount): (String, FixedPoint?) = switch order.side {
        case .buy: (symbol.quote, (order.kind == .market ? market.bestAsk : order.price).times(order.quantity))
        case .sell: (symbol.base, order.quantity)
        }
        guard let amount, var balance = balances[asset], balance.free >= amount else { return false }
        balance.free = balance.free - amount
        balance.locked = balance.locked + amount
        balances[asset] = balance
        return true
    }

    /// Books a reserved order and fills what crosses the book at once.
    mutating func place(_ order: SpotOrder, market: SymbolMarket, nowMs: Int64) -> SpotOrder {
        orders[order.orderID] = order
        switch order.kind {
        case .market:
            fill(order.orderID, at: order.side == .buy ? market.bestAsk : market.bestBid, market: market, nowMs: nowMs, maker: false)
        case .limit, .limitMaker:
            let crosses = order.side == .buy ? order.price >= market.bestAsk : order.price <= market.bestBid
            if crosses {
                fill(order.orderID, at: order.side == .buy ? market.bestAsk : market.bestBid, market: market, nowMs: nowMs, maker: false)
            } else {
                changes.append(order)
            }
        }
        return orders[order.orderID] ?? order
    }

    /// Fills the resting orders the market's new price crossed.
    mutating func match(_ market: SymbolMarket, nowMs: Int64) {
        for order in openOrders(symbol: market.symbol.name) where order.kind != .market {
            let crossed = order.side == .buy ? market.bestAsk <= order.price : market.bestBid >= order.price
            if crossed { fill(order.orderID, at: order.price, market: market, nowMs: nowMs, maker: true) }
        }
    }

    mutating func cancel(_ orderID: Int64, nowMs: Int64, market: SymbolMarket) -> SpotOrder? {
        guard var order = orders[orderID], order.state.isOpen else { return nil }
        release(order, market: market)
        order.state = .canceled
        order.updateMs = nowMs
        orders[orderID] = order
        close(orderID)
        changes.append(order)
        return order
    }

    mutating func markAnswerLost(_ orderID: Int64) { orders[orderID]?.answerLost = true }

    mutating func markTwinned(_ orderID: Int64) { orders[orderID]?.twinned = true }

    /// Marks every open order orphaned (the bot that placed them was killed); their ids.
    mutating func orphanOpenOrders() -> [Int64] {
        let open = openOrders(symbol: nil).map(\.orderID)
        for id in open { orders[id]?.orphaned = true }
        return open
    }

    private mutating func fill(_ orderID: Int64, at price: FixedPoint, market: SymbolMarket, nowMs: Int64, maker: Bool) {
        guard var order = orders[orderID], order.state.isOpen else { return }
        let symbol = market.symbol
        let quantity = order.remaining
        guard let quote = price.times(quantity) else { return }
        release(order, market: market)
        nextTradeID += 1
        let received = order.side == .buy ? quantity : quote
        let commission = received.times(Self.feeRate) ?? .zero
        let fill = SpotOrder.Fill(
            price: price, quantity: quantity, commission: commission,
            commissionAsset: order.side == .buy ? symbol.base : symbol.quote, tradeID: nextTradeID, timeMs: nowMs, isMaker: maker
        )
        let (spent, spentAsset, gotAsset) = order.side == .buy ? (quote, symbol.quote, symbol.base) : (quantity, symbol.base, symbol.quote)
        balances[spentAsset, default: Balance(free: .zero, locked: .zero)].free = balances[spentAsset, default: Balance(free: .zero, locked: .zero)].free - spent
        balances[gotAsset, default: Balance(free: .zero, locked: .zero)].free = balances[gotAsset, default: Balance(free: .zero, locked: .zero)].free + received - commission
        order.fills.append(fill)
        order.executed = order.quantity
        order.cumulativeQuote = order.cumulativeQuote + quote
        order.state = .filled
        order.updateMs = nowMs
        orders[orderID] = order
        trades.append((orderID, order.symbol, fill, order.side))
        if trades.count > Self.keptClosedOrders { trades.removeFirst() }
        close(orderID)
        changes.append(order)
    }

    /// Gives back what `reserve` locked for the order's unfilled part.
    private mutating func release(_ order: SpotOrder, market: SymbolMarket) {
        let symbol = market.symbol
        let (asset, amount): (String, FixedPoint?) = switch order.side {
        case .buy: (symbol.quote, (order.kind == .market ? nil : order.price.times(order.remaining)) ?? lockedFor(order, market: market))
        case .sell: (symbol.base, order.remaining)
        }
        guard let amount, var balance = balances[asset] else { return }
        let released = min(amount, balance.locked)
        balance.locked = balance.locked - released
        balance.free = balance.free + released
        balances[asset] = balance
    }

    /// A market buy locked at the ask it saw; on release the whole lock for it is returned.
    private func lockedFor(_ order: SpotOrder, market: SymbolMarket) -> FixedPoint? {
        market.bestAsk.times(order.remaining)
    }

    private mutating func close(_ orderID: Int64) {
        closedOrder.append(orderID)
        if closedOrder.count > Self.keptClosedOrders {
            let forget = closedOrder.removeFirst()
            orders[forget] = nil
        }
    }
}
