/// One order on the stand-in's book, Binance spot's fields.
struct SpotOrder: Sendable {
    enum Side: String, Sendable { case buy = "BUY", sell = "SELL" }
    enum Kind: String, Sendable { case limit = "LIMIT", market = "MARKET", limitMaker = "LIMIT_MAKER" }
    enum State: String, Sendable {
        case new = "NEW", partiallyFilled = "PARTIALLY_FILLED", filled = "FILLED", canceled = "CANCELED", expired = "EXPIRED"
        var isOpen: Bool { self == .new || self == .partiallyFilled }
    }

    struct Fill: Sendable {
        var price: FixedPoint
        var quantity: FixedPoint
        var commission: FixedPoint
        var commissionAsset: String
        var tradeID: Int64
        var timeMs: Int64
        var isMaker: Bool
    }

    var orderID: Int64
    var clientOrderID: String
    var symbol: String
    var side: Side
    var kind: Kind
    var timeInForce: String?
    var price: FixedPoint
    var quantity: FixedPoint
    var executed: FixedPoint = .zero
    var cumulativeQuote: FixedPoint = .zero
    var state: State = .new
    var timeMs: Int64
    var updateMs: Int64
    var fills: [Fill] = []
    /// Set when the order's answer was never sent (the `lost_response` fault).
    var answerLost = false
    /// Set when the drill killed the bot while the order was open: the bot's new process never placed it.
    var orphaned = false
    /// Set on an orphan once an order of the next process was found to place it again (one double each).
    var twinned = false

    var remaining: FixedPoint { quantity - executed }
}
