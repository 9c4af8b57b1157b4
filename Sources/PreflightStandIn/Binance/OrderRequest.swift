/// A placement's parameters checked as Binance checks them, in its order and with its codes.
enum OrderRequest {
    static func parse(_ parameters: BinanceParameters, market: SymbolMarket, orderID: Int64, nowMs: Int64) throws(BinanceError) -> SpotOrder {
        let symbol = market.symbol
        guard let sideText = parameters["side"] else { throw .missing("side") }
        guard let side = SpotOrder.Side(rawValue: sideText.uppercased()) else { throw .invalidParameter("side", sideText) }
        guard let typeText = parameters["type"] else { throw .missing("type") }
        guard let kind = SpotOrder.Kind(rawValue: typeText.uppercased()) else {
            throw BinanceError(status: 400, code: -1116, message: "Invalid orderType.", outcome: "invalid type \(typeText.prefix(20))")
        }
        var timeInForce: String?
        if kind == .limit {
            guard let text = parameters["timeInForce"] else { throw .missing("timeInForce") }
            guard ["GTC", "IOC", "FOK"].contains(text) else {
                throw BinanceError(status: 400, code: -1115, message: "Invalid timeInForce.", outcome: "invalid timeInForce")
            }
            timeInForce = text
        }
        let quantity = try self.quantity(parameters, kind: kind, side: side, market: market)
        var price = FixedPoint.zero
        if kind != .market {
            guard let text = parameters["price"] else { throw .missing("price") }
            price = try amount(text, name: "price")
            guard price >= symbol.minPrice, price <= symbol.maxPrice, price.isMultiple(of: symbol.tickSize) else {
                throw .filterFailure("PRICE_FILTER")
            }
        }
        guard quantity >= symbol.minQty, quantity <= symbol.maxQty, (quantity - symbol.minQty).isMultiple(of: symbol.stepSize) else {
            throw .filterFailure("LOT_SIZE")
        }
        let reference = kind == .market ? (side == .buy ? market.bestAsk : market.bestBid) : price
        guard let notional = reference.times(quantity), notional >= symbol.minNotional else { throw .filterFailure("NOTIONAL") }
        let clientID = parameters["newClientOrderId"] ?? "x-pfl\(nowMs)\(orderID)"
        guard clientID.utf8.count <= 36, clientID.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7f }) else {
            throw BinanceError(status: 400, code: -1100, message: "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.", outcome: "illegal newClientOrderId")
        }
        return SpotOrder(
            orderID: orderID, clientOrderID: clientID, symbol: symbol.name, side: side, kind: kind, timeInForce: timeInForce,
            price: price, quantity: quantity, timeMs: nowMs, updateMs: nowMs
        )
    }

    /// `quantity`, or for a market order `quoteOrderQty` turned into a quantity at the touch.
    private static func quantity(_ parameters: BinanceParameters, kind: SpotOrder.Kind, side: SpotOrder.Side, market: SymbolMarket) throws(BinanceError) -> FixedPoint {
        if let text = parameters["quantity"] { return try amount(text, name: "quantity") }
        guard kind == .market, let quoteText = parameters["quoteOrderQty"] else { throw .missing("quantity") }
        let quote = try amount(quoteText, name: "quoteOrderQty")
        let touch = (side == .buy ? market.bestAsk : market.bestBid).double
        guard touch > 0 else { throw .filterFailure("NOTIONAL") }
        return FixedPoint(quote.double / touch, tick: market.symbol.stepSize)
    }

    private static func amount(_ text: String, name: String) throws(BinanceError) -> FixedPoint {
        do {
            return try FixedPoint.parse(text)
        } catch .tooPrecise {
            throw BinanceError(status: 400, code: -1111, message: "Parameter '\(name)' has too much precision.", outcome: "too much precision")
        } catch {
            throw BinanceError(status: 400, code: -1100, message: "Illegal characters found in parameter '\(name)'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.", outcome: "illegal \(name)")
        }
    }
}
