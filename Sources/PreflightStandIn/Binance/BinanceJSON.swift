/// Binance spot's JSON bodies, field for field as the API documents them.
enum BinanceJSON {
    static func exchangeInfo(_ symbols: [MarketSymbol], serverTimeMs: Int64, weightPerMinute: Int) -> String {
        let limits = #"[{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":\#(weightPerMinute)},{"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":100},{"rateLimitType":"ORDERS","interval":"DAY","intervalNum":1,"limit":200000},{"rateLimitType":"RAW_REQUESTS","interval":"MINUTE","intervalNum":5,"limit":61000}]"#
        return #"{"timezone":"UTC","serverTime":\#(serverTimeMs),"rateLimits":\#(limits),"exchangeFilters":[],"symbols":[\#(symbols.map(symbol).joined(separator: ","))]}"#
    }

    static func symbol(_ symbol: MarketSymbol) -> String {
        let filters = [
            #"{"filterType":"PRICE_FILTER","minPrice":"\#(symbol.minPrice.text)","maxPrice":"\#(symbol.maxPrice.text)","tickSize":"\#(symbol.tickSize.text)"}"#,
            #"{"filterType":"LOT_SIZE","minQty":"\#(symbol.minQty.text)","maxQty":"\#(symbol.maxQty.text)","stepSize":"\#(symbol.stepSize.text)"}"#,
            #"{"filterType":"ICEBERG_PARTS","limit":10}"#,
            #"{"filterType":"MARKET_LOT_SIZE","minQty":"0.00000000","maxQty":"\#(symbol.maxQty.text)","stepSize":"0.00000000"}"#,
            #"{"filterType":"TRAILING_DELTA","minTrailingAboveDelta":10,"maxTrailingAboveDelta":2000,"minTrailingBelowDelta":10,"maxTrailingBelowDelta":2000}"#,
            #"{"filterType":"PERCENT_PRICE_BY_SIDE","bidMultiplierUp":"5","bidMultiplierDown":"0.2","askMultiplierUp":"5","askMultiplierDown":"0.2","avgPriceMins":5}"#,
            #"{"filterType":"NOTIONAL","minNotional":"\#(symbol.minNotional.text)","applyMinToMarket":true,"maxNotional":"9000000.00000000","applyMaxToMarket":false,"avgPriceMins":5}"#,
            #"{"filterType":"MAX_NUM_ORDERS","maxNumOrders":200}"#,
            #"{"filterType":"MAX_NUM_ALGO_ORDERS","maxNumAlgoOrders":5}"#,
        ]
        return #"{"symbol":"\#(symbol.name)","status":"TRADING","baseAsset":"\#(symbol.base)","baseAssetPrecision":8,"quoteAsset":"\#(symbol.quote)","quotePrecision":8,"quoteAssetPrecision":8,"baseCommissionPrecision":8,"quoteCommissionPrecision":8,"orderTypes":["LIMIT","LIMIT_MAKER","MARKET","STOP_LOSS","STOP_LOSS_LIMIT","TAKE_PROFIT","TAKE_PROFIT_LIMIT"],"icebergAllowed":true,"ocoAllowed":true,"otoAllowed":true,"quoteOrderQtyMarketAllowed":true,"allowTrailingStop":true,"cancelReplaceAllowed":true,"amendAllowed":false,"isSpotTradingAllowed":true,"isMarginTradingAllowed":false,"filters":[\#(filters.joined(separator: ","))],"permissions":[],"permissionSets":[["SPOT"]],"defaultSelfTradePreventionMode":"EXPIRE_MAKER","allowedSelfTradePreventionModes":["EXPIRE_TAKER","EXPIRE_MAKER","EXPIRE_BOTH"]}"#
    }

    static func levels(_ levels: [BookLevel]) -> String {
        "[" + levels.map { #"["\#($0.price.text)","\#($0.quantity.text)"]"# }.joined(separator: ",") + "]"
    }

    static func depth(_ market: SymbolMarket, limit: Int) -> String {
        #"{"lastUpdateId":\#(market.updateID),"bids":\#(levels(Array(market.bids.prefix(limit)))),"asks":\#(levels(Array(market.asks.prefix(limit))))}"#
    }

    static func price(_ market: SymbolMarket) -> String {
        #"{"symbol":"\#(market.symbol.name)","price":"\#(FixedPoint(market.price, tick: market.symbol.tickSize).text)"}"#
    }

    static func bookTicker(_ market: SymbolMarket) -> String {
        let bid = market.bids.first, ask = market.asks.first
        return #"{"symbol":"\#(market.symbol.name)","bidPrice":"\#(bid?.price.text ?? "0")","bidQty":"\#(bid?.quantity.text ?? "0")","askPrice":"\#(ask?.price.text ?? "0")","askQty":"\#(ask?.quantity.text ?? "0")"}"#
    }

    static func ticker24h(_ market: SymbolMarket, nowMs: Int64) -> String {
        let symbol = market.symbol
        let open = SymbolMarket.historicPrice(symbol, seed: market.seed, atMs: nowMs - 86_400_000)
        let last = market.price
        let change = last - open
        let tick = symbol.tickSize
        func amount(_ value: Double) -> String { FixedPoint(abs(value), tick: tick).text }
        let sign = change < 0 ? "-" : ""
        let bid = market.bids.first, ask = market.asks.first
        let volume = symbol.minNotional.double * 2_000_000 / max(last, 1e-8)
        return #"{"symbol":"\#(symbol.name)","priceChange":"\#(sign)\#(amount(change))","priceChangePercent":"\#(String(format2: change / open * 100))","weightedAvgPrice":"\#(amount((open + last) / 2))","prevClosePrice":"\#(amount(open))","lastPrice":"\#(amount(last))","lastQty":"\#(market.lastTrade?.quantity.text ?? "0.00000000")","bidPrice":"\#(bid?.price.text ?? "0")","bidQty":"\#(bid?.quantity.text ?? "0")","askPrice":"\#(ask?.price.text ?? "0")","askQty":"\#(ask?.quantity.text ?? "0")","openPrice":"\#(amount(open))","highPrice":"\#(amount(max(open, last) * 1.01))","lowPrice":"\#(amount(min(open, last) * 0.99))","volume":"\#(FixedPoint(volume, tick: symbol.stepSize).text)","quoteVolume":"\#(FixedPoint(volume * last, tick: tick).text)","openTime":\#(nowMs - 86_400_000),"closeTime":\#(nowMs),"firstId":\#(market.tradeID - 86_400),"lastId":\#(market.tradeID),"count":86400}"#
    }

    static func kline(_ candle: Candle, symbol: MarketSymbol) -> String {
        func price(_ value: Double) -> String { FixedPoint(value, tick: symbol.tickSize).text }
        let volume = FixedPoint(candle.volume, tick: symbol.stepSize)
        let quote = FixedPoint(candle.volume * candle.close, tick: symbol.tickSize)
        return #"[\#(candle.openTimeMs),"\#(price(candle.open))","\#(price(candle.high))","\#(price(candle.low))","\#(price(candle.close))","\#(volume.text)",\#(candle.closeTimeMs),"\#(quote.text)",\#(candle.trades),"\#(FixedPoint(candle.volume / 2, tick: symbol.stepSize).text)","\#(FixedPoint(candle.volume * candle.close / 2, tick: symbol.tickSize).text)","0"]"#
    }

    static func trade(_ trade: MarketTrade) -> String {
        #"{"id":\#(trade.id),"price":"\#(trade.price.text)","qty":"\#(trade.quantity.text)","quoteQty":"\#((trade.price.times(trade.quantity) ?? .zero).text)","time":\#(trade.timeMs),"isBuyerMaker":\#(trade.buyerIsMaker),"isBestMatch":true}"#
    }

    // MARK: orders

    private static func orderCore(_ order: SpotOrder) -> String {
        #""symbol":"\#(order.symbol)","orderId":\#(order.orderID),"orderListId":-1,"clientOrderId":\#(JSONText.quoted(order.clientOrderID)),"price":"\#(order.price.text)","origQty":"\#(order.quantity.text)","executedQty":"\#(order.executed.text)","cummulativeQuoteQty":"\#(order.cumulativeQuote.text)","status":"\#(order.state.rawValue)","timeInForce":"\#(order.timeInForce ?? "GTC")","type":"\#(order.kind.rawValue)","side":"\#(order.side.rawValue)""#
    }

    /// The answer to a placement: ACK, RESULT or FULL (`newOrderRespType`; Binance's default is FULL for
    /// LIMIT and MARKET).
    static func placed(_ order: SpotOrder, responseType: String) -> String {
        switch responseType {
        case "ACK":
            return #"{"symbol":"\#(order.symbol)","orderId":\#(order.orderID),"orderListId":-1,"clientOrderId":\#(JSONText.quoted(order.clientOrderID)),"transactTime":\#(order.timeMs)}"#
        case "RESULT":
            return #"{\#(orderCore(order)),"transactTime":\#(order.timeMs),"origQuoteOrderQty":"0.00000000","workingTime":\#(order.timeMs),"selfTradePreventionMode":"EXPIRE_MAKER"}"#
        default:
            let fills = order.fills.map { fill in
                #"{"price":"\#(fill.price.text)","qty":"\#(fill.quantity.text)","commission":"\#(fill.commission.text)","commissionAsset":"\#(fill.commissionAsset)","tradeId":\#(fill.tradeID)}"#
            }
            return #"{\#(orderCore(order)),"transactTime":\#(order.timeMs),"origQuoteOrderQty":"0.00000000","workingTime":\#(order.timeMs),"selfTradePreventionMode":"EXPIRE_MAKER","fills":[\#(fills.joined(separator: ","))]}"#
        }
    }

    static func queried(_ order: SpotOrder) -> String {
        #"{\#(orderCore(order)),"stopPrice":"0.00000000","icebergQty":"0.00000000","time":\#(order.timeMs),"updateTime":\#(order.updateMs),"isWorking":true,"workingTime":\#(order.timeMs),"origQuoteOrderQty":"0.00000000","selfTradePreventionMode":"EXPIRE_MAKER"}"#
    }

    static func canceled(_ order: SpotOrder, originalClientOrderID: String, transactMs: Int64) -> String {
        #"{"symbol":"\#(order.symbol)","origClientOrderId":\#(JSONText.quoted(originalClientOrderID)),"orderId":\#(order.orderID),"orderListId":-1,"clientOrderId":\#(JSONText.quoted("cancel\(order.orderID)")),"transactTime":\#(transactMs),"price":"\#(order.price.text)","origQty":"\#(order.quantity.text)","executedQty":"\#(order.executed.text)","cummulativeQuoteQty":"\#(order.cumulativeQuote.text)","status":"CANCELED","timeInForce":"\#(order.timeInForce ?? "GTC")","type":"\#(order.kind.rawValue)","side":"\#(order.side.rawValue)","selfTradePreventionMode":"EXPIRE_MAKER"}"#
    }

    static func account(_ account: SpotAccount, nowMs: Int64) -> String {
        let balances = account.balances.keys.sorted().compactMap { asset in
            account.balances[asset].map { #"{"asset":"\#(asset)","free":"\#($0.free.text)","locked":"\#($0.locked.text)"}"# }
        }
        return #"{"makerCommission":10,"takerCommission":10,"buyerCommission":0,"sellerCommission":0,"commissionRates":{"maker":"0.00100000","taker":"0.00100000","buyer":"0.00000000","seller":"0.00000000"},"canTrade":true,"canWithdraw":false,"canDeposit":true,"brokered":false,"requireSelfTradePrevention":false,"preventSor":false,"updateTime":\#(nowMs),"accountType":"SPOT","balances":[\#(balances.joined(separator: ","))],"permissions":["SPOT"],"uid":354937868}"#
    }

    static func myTrade(_ entry: (orderID: Int64, symbol: String, fill: SpotOrder.Fill, side: SpotOrder.Side)) -> String {
        let fill = entry.fill
        return #"{"symbol":"\#(entry.symbol)","id":\#(fill.tradeID),"orderId":\#(entry.orderID),"orderListId":-1,"price":"\#(fill.price.text)","qty":"\#(fill.quantity.text)","quoteQty":"\#((fill.price.times(fill.quantity) ?? .zero).text)","commission":"\#(fill.commission.text)","commissionAsset":"\#(fill.commissionAsset)","time":\#(fill.timeMs),"isBuyer":\#(entry.side == .buy),"isMaker":\#(fill.isMaker),"isBestMatch":true}"#
    }

    /// `/sapi/v1/capital/config/getall`: one entry per asset, deposits and withdrawals enabled on one network.
    static func capitalConfig(_ assets: [String]) -> String {
        "[" + assets.map { asset in
            #"{"coin":"\#(asset)","depositAllEnable":true,"withdrawAllEnable":true,"name":"\#(asset)","free":"0","locked":"0","freeze":"0","withdrawing":"0","ipoing":"0","ipoable":"0","storage":"0","isLegalMoney":false,"trading":true,"networkList":[{"network":"\#(asset == "USDT" ? "ETH" : asset)","coin":"\#(asset)","withdrawIntegerMultiple":"0.00000001","isDefault":true,"depositEnable":true,"withdrawEnable":true,"depositDesc":"","withdrawDesc":"","specialTips":"","name":"\#(asset)","resetAddressStatus":false,"addressRegex":"","memoRegex":"","withdrawFee":"0.0001","withdrawMin":"0.001","withdrawMax":"10000","minConfirm":1,"unLockConfirm":2,"sameAddress":false,"estimatedArrivalTime":5,"busy":false}]}"#
        }.joined(separator: ",") + "]"
    }
}

extension String {
    /// Two decimals, without Foundation's locale-dependent formatting.
    init(format2 value: Double) {
        let hundredths = Int64((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        self = "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
