import Foundation
import PreflightSupport

/// The live market of one pair: a seeded random walk stepped every `SeededMarket.stepMs`, a book of
/// `levels` per side regenerated around the price at each step, one trade per step, the last steps kept
/// for the streams, and the 1-minute candles since the start.
struct SymbolMarket: Sendable {
    static let levels = 20
    static let keptSteps = 1200
    static let keptCandles = 1500

    let symbol: MarketSymbol
    let seed: UInt64
    private var random: SeededRandom
    private(set) var price: Double
    private(set) var stepIndex: Int64 = -1
    private(set) var updateID: Int64 = 1_000_000
    private(set) var tradeID: Int64 = 5_000_000
    private(set) var bids: [BookLevel] = []
    private(set) var asks: [BookLevel] = []
    private(set) var recent: [MarketStep] = []
    private(set) var candles: [Candle] = []
    /// Update ids a `sequence_gap` fault makes the next step skip.
    var pendingGap: Int64 = 0

    init(symbol: MarketSymbol, seed: UInt64, startMs: Int64) {
        self.symbol = symbol
        self.seed = seed
        random = SeededRandom(seed: seed ^ UInt64(truncatingIfNeeded: symbol.name.hashValueStable))
        price = Self.historicPrice(symbol, seed: seed, atMs: startMs)
        (bids, asks) = book(around: price)
    }

    var bestBid: FixedPoint { bids.first?.price ?? .zero }
    var bestAsk: FixedPoint { asks.first?.price ?? .zero }
    var lastTrade: MarketTrade? { recent.last?.trade }

    /// Moves the market one step: returns what changed.
    mutating func step(index: Int64, timeMs: Int64) -> MarketStep {
        stepIndex = index
        let previous = price
        price *= 1 + 0.0004 * random.signedUnit()
        let (newBids, newAsks) = book(around: price)
        let bidChanges = Self.changes(from: bids, to: newBids)
        let askChanges = Self.changes(from: asks, to: newAsks)
        bids = newBids
        asks = newAsks
        updateID += pendingGap
        pendingGap = 0
        let first = updateID + 1
        updateID += Int64(max(1, bidChanges.count + askChanges.count))
        tradeID += 1
        let trade = MarketTrade(
            id: tradeID, price: FixedPoint(price, tick: symbol.tickSize), quantity: quantity(),
            timeMs: timeMs, buyerIsMaker: price < previous
        )
        let step = MarketStep(
            index: index, timeMs: timeMs, price: price, firstUpdateID: first, lastUpdateID: updateID,
            bidChanges: bidChanges, askChanges: askChanges, topBid: bids.first, topAsk: asks.first, trade: trade
        )
        recent.append(step)
        if recent.count > Self.keptSteps { recent.removeFirst(recent.count - Self.keptSteps) }
        record(trade)
        return step
    }

    /// Jumps over steps that would not be seen (the server was idle): the price walks on, nothing is kept.
    mutating func skip(to index: Int64) {
        while stepIndex < index {
            stepIndex += 1
            price *= 1 + 0.0004 * random.signedUnit()
        }
        (bids, asks) = book(around: price)
    }

    private mutating func record(_ trade: MarketTrade) {
        let minute = trade.timeMs - trade.timeMs % 60_000
        let value = trade.price.double, volume = trade.quantity.double
        if var last = candles.last, last.openTimeMs == minute {
            last.high = max(last.high, value)
            last.low = min(last.low, value)
            last.close = value
            last.volume += volume
            last.trades += 1
            last.lastTradeID = trade.id
            candles[candles.count - 1] = last
        } else {
            candles.append(Candle(
                openTimeMs: minute, closeTimeMs: minute + 59_999, open: value, high: value, low: value, close: value,
                volume: volume, trades: 1, firstTradeID: trade.id, lastTradeID: trade.id
            ))
            if candles.count > Self.keptCandles { candles.removeFirst() }
        }
    }

    private mutating func quantity() -> FixedPoint {
        let notional = symbol.minNotional.double * (20 + 400 * random.unit())
        let quantity = max(symbol.minQty.double, notional / max(price, 1e-8))
        return FixedPoint(quantity, tick: symbol.stepSize)
    }

    private mutating func book(around price: Double) -> ([BookLevel], [BookLevel]) {
        let tick = symbol.tickSize.double
        let gap = max(tick, price * symbol.levelGap)
        let bestBid = FixedPoint(price - gap / 2, tick: symbol.tickSize)
        let bestAsk = FixedPoint(units: max(bestBid.units + symbol.tickSize.units, FixedPoint(price + gap / 2, tick: symbol.tickSize).units))
        var bids: [BookLevel] = [], asks: [BookLevel] = []
        for level in 0..<Self.levels {
            let offset = FixedPoint(Double(level) * gap, tick: symbol.tickSize).units
            bids.append(BookLevel(price: FixedPoint(units: max(symbol.tickSize.units, bestBid.units - offset)), quantity: quantity()))
            asks.append(BookLevel(price: FixedPoint(units: bestAsk.units + offset), quantity: quantity()))
        }
        return (bids, asks)
    }

    /// Levels whose quantity changed or that are new, and the old prices that left (quantity 0).
    private static func changes(from old: [BookLevel], to new: [BookLevel]) -> [BookLevel] {
        let newPrices = Set(new.map(\.price))
        let oldByPrice = Dictionary(old.map { ($0.price, $0.quantity) }, uniquingKeysWith: { first, _ in first })
        var changes = new.filter { oldByPrice[$0.price] != $0.quantity }
        changes += old.filter { !newPrices.contains($0.price) }.map { BookLevel(price: $0.price, quantity: .zero) }
        return changes
    }

    // MARK: history before the start

    /// A smooth, seeded price for any moment before the live walk began: two slow waves and a little noise.
    static func historicPrice(_ symbol: MarketSymbol, seed: UInt64, atMs time: Int64) -> Double {
        let t = Double(time)
        let waves = 0.03 * sin(2 * .pi * t / 259_200_000) + 0.01 * sin(2 * .pi * t / 18_000_000)
        let noise = 0.002 * (SeededRandom.hash(seed, UInt64(truncatingIfNeeded: time / 60_000), 7) - 0.5)
        return symbol.startPrice * (1 + waves + noise)
    }

    /// A candle of any interval from the seeded history.
    func historicCandle(intervalMs: Int64, openTimeMs: Int64) -> Candle {
        let open = Self.historicPrice(symbol, seed: seed, atMs: openTimeMs)
        let close = Self.historicPrice(symbol, seed: seed, atMs: openTimeMs + intervalMs)
        let key = UInt64(truncatingIfNeeded: openTimeMs / max(1, intervalMs))
        let high = max(open, close) * (1 + 0.001 * SeededRandom.hash(seed, key, 1))
        let low = min(open, close) * (1 - 0.001 * SeededRandom.hash(seed, key, 2))
        let volume = symbol.minNotional.double * 2000 * (0.5 + SeededRandom.hash(seed, key, 3)) / max(open, 1e-8)
            * Double(intervalMs) / 60_000
        return Candle(
            openTimeMs: openTimeMs, closeTimeMs: openTimeMs + intervalMs - 1, open: open, high: high, low: low,
            close: close, volume: volume, trades: Int(intervalMs / 250), firstTradeID: -1, lastTradeID: -1
        )
    }
}

extension String {
    /// FNV-1a over the UTF-8 bytes: the same on every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
