/// Every pair's market, stepped lazily: whoever looks (a request, a stream push) first advances it to now.
/// Step times are fixed by the start and `stepMs`, so the same seed gives the same walk whenever it is read.
struct SeededMarket: Sendable {
    static let stepMs: Int64 = 250
    /// Beyond this many steps of catch-up (the server sat idle), the steps in between are skipped unseen.
    static let maximumCatchUp: Int64 = 2400

    let startMs: Int64
    private(set) var symbols: [String: SymbolMarket]

    init(seed: UInt64, startMs: Int64) {
        self.startMs = startMs
        symbols = Dictionary(uniqueKeysWithValues: MarketSymbol.all.map { symbol in
            (symbol.name, SymbolMarket(symbol: symbol, seed: seed, startMs: startMs))
        })
    }

    /// Steps every pair up to `nowMs`; returns the new steps by pair, for matching orders and for the streams.
    mutating func advance(to nowMs: Int64) -> [(symbol: String, step: MarketStep)] {
        let target = (nowMs - startMs) / Self.stepMs
        var steps: [(symbol: String, step: MarketStep)] = []
        for name in symbols.keys.sorted() {
            guard var market = symbols[name], market.stepIndex < target else { continue }
            if target - market.stepIndex > Self.maximumCatchUp { market.skip(to: target - Self.maximumCatchUp) }
            while market.stepIndex < target {
                let index = market.stepIndex + 1
                steps.append((name, market.step(index: index, timeMs: startMs + index * Self.stepMs)))
            }
            symbols[name] = market
        }
        return steps
    }

    subscript(name: String) -> SymbolMarket? { symbols[name] }

    /// Makes the next depth update of every pair skip `updates` ids (the `sequence_gap` fault).
    mutating func skipUpdateIDs(_ updates: Int64) {
        for name in symbols.keys { symbols[name]?.pendingGap += updates }
    }
}
