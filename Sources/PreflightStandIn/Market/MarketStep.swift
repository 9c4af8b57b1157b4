/// One level of the book: a price and the quantity resting there (0: the level is gone).
struct BookLevel: Sendable, Equatable {
    var price: FixedPoint
    var quantity: FixedPoint
}

/// One trade printed on the market.
struct MarketTrade: Sendable {
    var id: Int64
    var price: FixedPoint
    var quantity: FixedPoint
    var timeMs: Int64
    var buyerIsMaker: Bool
}

/// What one step of the market changed: the price, the book's changed levels with the update ids they
/// took, and the trade printed.
struct MarketStep: Sendable {
    var index: Int64
    var timeMs: Int64
    var price: Double
    var firstUpdateID: Int64
    var lastUpdateID: Int64
    var bidChanges: [BookLevel]
    var askChanges: [BookLevel]
    var topBid: BookLevel?
    var topAsk: BookLevel?
    var trade: MarketTrade
}

/// A candle, Binance's kline fields.
struct Candle: Sendable {
    var openTimeMs: Int64
    var closeTimeMs: Int64
    var open: Double
    var high: Double
    var low: Double
    var close: Double
    var volume: Double
    var trades: Int
    var firstTradeID: Int64
    var lastTradeID: Int64
}
