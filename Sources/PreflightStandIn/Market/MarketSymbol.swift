/// One trading pair of the stand-in's market, with Binance-style filters.
struct MarketSymbol: Sendable {
    var name: String
    var base: String
    var quote: String
    var startPrice: Double
    var tickSize: FixedPoint
    var stepSize: FixedPoint
    var minQty: FixedPoint
    var maxQty: FixedPoint
    var minPrice: FixedPoint
    var maxPrice: FixedPoint
    var minNotional: FixedPoint
    /// Distance between book levels, as a fraction of the price.
    var levelGap: Double

    static func units(_ text: String) -> FixedPoint {
        // The table below is ours, so a parse failure is a programming error caught by the tests.
        (try? FixedPoint.parse(text)) ?? .zero
    }

    /// The pairs every drill trades: prices as of late 2026, filters as Binance spot has them.
    static let all: [MarketSymbol] = [
        MarketSymbol(
            name: "BTCUSDT", base: "BTC", quote: "USDT", startPrice: 97_000, tickSize: units("0.01"), stepSize: units("0.00001"),
            minQty: units("0.00001"), maxQty: units("9000"), minPrice: units("0.01"), maxPrice: units("1000000"),
            minNotional: units("5"), levelGap: 0.00005
        ),
        MarketSymbol(
            name: "ETHUSDT", base: "ETH", quote: "USDT", startPrice: 3_600, tickSize: units("0.01"), stepSize: units("0.0001"),
            minQty: units("0.0001"), maxQty: units("9000"), minPrice: units("0.01"), maxPrice: units("1000000"),
            minNotional: units("5"), levelGap: 0.00005
        ),
        MarketSymbol(
            name: "BNBUSDT", base: "BNB", quote: "USDT", startPrice: 650, tickSize: units("0.01"), stepSize: units("0.001"),
            minQty: units("0.001"), maxQty: units("9000"), minPrice: units("0.01"), maxPrice: units("100000"),
            minNotional: units("5"), levelGap: 0.0001
        ),
        MarketSymbol(
            name: "ETHBTC", base: "ETH", quote: "BTC", startPrice: 0.0371, tickSize: units("0.00001"), stepSize: units("0.0001"),
            minQty: units("0.0001"), maxQty: units("100000"), minPrice: units("0.00001"), maxPrice: units("922327"),
            minNotional: units("0.0001"), levelGap: 0.0003
        ),
    ]

    static func named(_ name: String) -> MarketSymbol? { all.first { $0.name == name } }
}
