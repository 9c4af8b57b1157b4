import Foundation

/// Binance's market streams: which names a connection asked for (`/ws/<name>`, `/ws` then SUBSCRIBE,
/// `/stream?streams=a/b` with each payload wrapped as `{"stream":…,"data":…}`), and the payloads.
struct StreamSubscription: Sendable {
    var names: [String]
    var combined: Bool

    /// nil: not a stream path.
    init?(target: String) {
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        if path == "/ws" || path == "/ws/" {
            names = []
            combined = false
        } else if path.hasPrefix("/ws/") {
            // ccxt opens /ws/0, /ws/1, …: a number names a connection, not a stream.
            names = path.dropFirst(4).split(separator: "/").map(String.init).filter { !$0.allSatisfy(\.isNumber) }
            combined = false
        } else if path == "/stream" {
            let query = target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            let streams = query.split(separator: "&").first { $0.hasPrefix("streams=") }.map { $0.dropFirst(8) } ?? ""
            names = streams.split(separator: "/").map { BinanceParameters.percentDecoded(String($0)) }
            combined = true
        } else {
            return nil
        }
    }

    /// The name's pair in upper case (`btcusdt@depth` → BTCUSDT), or nil for a listen key.
    static func symbol(of name: String) -> String? {
        guard let at = name.firstIndex(of: "@") else { return nil }
        return name[..<at].uppercased()
    }

    static func channel(of name: String) -> Substring {
        guard let at = name.firstIndex(of: "@") else { return "" }
        return name[name.index(after: at)...]
    }

    var label: String { names.isEmpty ? "(subscribe)" : names.joined(separator: "/") }

    func wrap(_ name: String, _ payload: String) -> String {
        combined ? #"{"stream":\#(JSONText.quoted(name)),"data":\#(payload)}"# : payload
    }
}

enum BinanceStreamPayload {
    /// The payloads one market step gives a stream, by channel; none for a channel the stand-in does not serve.
    static func payloads(_ name: String, step: MarketStep, market: SymbolMarket) -> [String] {
        let symbol = market.symbol.name
        switch StreamSubscription.channel(of: name) {
        case "depth", "depth@100ms", "depth@1000ms":
            return [#"{"e":"depthUpdate","E":\#(step.timeMs),"s":"\#(symbol)","U":\#(step.firstUpdateID),"u":\#(step.lastUpdateID),"b":\#(BinanceJSON.levels(step.bidChanges)),"a":\#(BinanceJSON.levels(step.askChanges))}"#]
        case "depth5", "depth10", "depth20", "depth5@100ms", "depth10@100ms", "depth20@100ms":
            let count = Int(StreamSubscription.channel(of: name).dropFirst(5).prefix { $0.isNumber }) ?? 5
            return [#"{"lastUpdateId":\#(step.lastUpdateID),"bids":\#(BinanceJSON.levels(Array(market.bids.prefix(count)))),"asks":\#(BinanceJSON.levels(Array(market.asks.prefix(count))))}"#]
        case "trade":
            let trade = step.trade
            return [#"{"e":"trade","E":\#(step.timeMs),"s":"\#(symbol)","t":\#(trade.id),"p":"\#(trade.price.text)","q":"\#(trade.quantity.text)","T":\#(trade.timeMs),"m":\#(trade.buyerIsMaker),"M":true}"#]
        case "aggTrade":
            let trade = step.trade
            return [#"{"e":"aggTrade","E":\#(step.timeMs),"s":"\#(symbol)","a":\#(trade.id),"p":"\#(trade.price.text)","q":"\#(trade.quantity.text)","f":\#(trade.id),"l":\#(trade.id),"T":\#(trade.timeMs),"m":\#(trade.buyerIsMaker),"M":true}"#]
        case "bookTicker":
            guard let bid = step.topBid, let ask = step.topAsk else { return [] }
            return [#"{"u":\#(step.lastUpdateID),"s":"\#(symbol)","b":"\#(bid.price.text)","B":"\#(bid.quantity.text)","a":"\#(ask.price.text)","A":"\#(ask.quantity.text)"}"#]
        case let channel where channel.hasPrefix("kline_"):
            return kline(String(channel.dropFirst(6)), step: step, market: market)
        default:
            return []
        }
    }

    private static func kline(_ interval: String, step: MarketStep, market: SymbolMarket) -> [String] {
        guard let intervalMs = BinanceSpotDialect.intervalMs(interval), let live = market.candles.last else { return [] }
        let open = step.timeMs - step.timeMs % intervalMs
        var candle = intervalMs == 60_000 ? live : market.historicCandle(intervalMs: intervalMs, openTimeMs: open)
        candle.close = step.trade.price.double
        let symbol = market.symbol
        func price(_ value: Double) -> String { FixedPoint(value, tick: symbol.tickSize).text }
        let volume = FixedPoint(candle.volume, tick: symbol.stepSize).text
        return [#"{"e":"kline","E":\#(step.timeMs),"s":"\#(symbol.name)","k":{"t":\#(open),"T":\#(open + intervalMs - 1),"s":"\#(symbol.name)","i":"\#(interval)","f":\#(candle.firstTradeID),"L":\#(candle.lastTradeID),"o":"\#(price(candle.open))","c":"\#(price(candle.close))","h":"\#(price(candle.high))","l":"\#(price(candle.low))","v":"\#(volume)","n":\#(candle.trades),"x":false,"q":"\#(price(candle.volume * candle.close))","V":"0.00000000","Q":"0.00000000","B":"0"}}"#]
    }

    /// The user-data stream's `executionReport` for an order's new state.
    static func executionReport(_ order: SpotOrder, nowMs: Int64) -> String {
        let fill = order.fills.last
        let execution = order.state == .filled ? "TRADE" : (order.state == .canceled ? "CANCELED" : "NEW")
        let commissionAsset = fill.map { #""\#($0.commissionAsset)""# } ?? "null"
        return #"{"e":"executionReport","E":\#(nowMs),"s":"\#(order.symbol)","c":\#(JSONText.quoted(order.clientOrderID)),"S":"\#(order.side.rawValue)","o":"\#(order.kind.rawValue)","f":"\#(order.timeInForce ?? "GTC")","q":"\#(order.quantity.text)","p":"\#(order.price.text)","P":"0.00000000","F":"0.00000000","g":-1,"C":"","x":"\#(execution)","X":"\#(order.state.rawValue)","r":"NONE","i":\#(order.orderID),"l":"\#(fill?.quantity.text ?? "0.00000000")","z":"\#(order.executed.text)","L":"\#(fill?.price.text ?? "0.00000000")","n":"\#(fill?.commission.text ?? "0")","N":\#(commissionAsset),"T":\#(order.updateMs),"t":\#(fill?.tradeID ?? -1),"v":0,"I":0,"w":\#(order.state.isOpen),"m":\#(fill?.isMaker ?? false),"M":false,"O":\#(order.timeMs),"Z":"\#(order.cumulativeQuote.text)","Y":"\#((fill.flatMap { $0.price.times($0.quantity) } ?? .zero).text)","Q":"0.00000000","W":\#(order.timeMs),"V":"EXPIRE_MAKER"}"#
    }

    /// The answer to a SUBSCRIBE, UNSUBSCRIBE or LIST_SUBSCRIPTIONS message, and the names it leaves.
    static func control(_ text: String, names: [String]) -> (reply: String, names: [String]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let method = object["method"] as? String
        else {
            return (#"{"error":{"code":3,"msg":"Invalid JSON: expected an object with method, params and id"}}"#, names)
        }
        let id = (object["id"] as? Int).map(String.init) ?? (object["id"] as? String).map(JSONText.quoted) ?? "null"
        let params = (object["params"] as? [Any])?.compactMap { $0 as? String } ?? []
        switch method.uppercased() {
        case "SUBSCRIBE":
            return (#"{"result":null,"id":\#(id)}"#, names + params.filter { !names.contains($0) })
        case "UNSUBSCRIBE":
            return (#"{"result":null,"id":\#(id)}"#, names.filter { !params.contains($0) })
        case "LIST_SUBSCRIPTIONS":
            return (#"{"result":[\#(names.map(JSONText.quoted).joined(separator: ","))],"id":\#(id)}"#, names)
        default:
            return (#"{"error":{"code":2,"msg":"Invalid request: unknown method"},"id":\#(id)}"#, names)
        }
    }
}
