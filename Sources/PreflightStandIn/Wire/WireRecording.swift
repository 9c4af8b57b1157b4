/// Builds the wire event of a Binance request: what the request carried at arrival, what the answer said.
enum WireRecording {
    /// `serverSkewMs`: how far the stand-in's clock is from the wall clock the record's times are in.
    static func draft(_ request: StandInRequest, route: BinanceRoute, atNanoseconds time: Int64, inflight: Int, serverSkewMs: Int64) -> WireEvent {
        let parameters = BinanceParameters(query: request.query, body: request.bodyText)
        // Every REST request is an api_request, as the exchange sees it; the log facts tell placements and
        // cancellations by endpoint and method, as they do in a bot's own request log.
        var event = WireEvent(timeNanoseconds: time, kind: .apiRequest)
        event.isOrderPlacement = route.isOrderPlacement
        event.endpoint = request.path
        event.method = request.method
        event.inflight = inflight
        event.signed = route.isSigned
        event.connection = request.connection
        if route.isSigned {
            let stamp = BinanceSignature.stamp(parameters)
            event.requestTimestamp = stamp.timestamp
            event.recvWindow = stamp.recvWindow
            // Local minus exchange time for a client whose clock is right: a timestamp taken from the wall
            // clock, or one corrected to the stand-in's stepped clock, is then fresh either way.
            event.clockOffsetMs = -serverSkewMs
        }
        if request.path == "/api/v3/depth" { event.snapshotLimit = parameters["limit"].flatMap { Int($0) } ?? 100 }
        event.clientOrderID = parameters["newClientOrderId"] ?? parameters["origClientOrderId"]
        // A placement re-sent under a new client order id is still the same request, retried.
        let dropped: Set<String> = route.isOrderPlacement ? ["newClientOrderId"] : []
        event.requestID = fingerprint(method: request.method, path: request.path, pairs: parameters.fingerprintPairs(dropping: dropped))
        return event
    }

    static func complete(_ draft: WireEvent?, reply: StandInReply, answer: BinanceSpotDialect.Answer?, injected: String?) -> WireEvent? {
        guard var event = draft else { return nil }
        let response = reply.routed.response
        event.injected = injected
        event.orderID = answer?.orderID
        event.duplicateOfOrderID = answer?.duplicateOfOrderID
        event.duplicateCause = answer?.duplicateCause
        if case .dropConnection = reply.delivery {
            event.status = nil
            event.errorCode = "response_lost_timeout"
        } else {
            event.status = response.status
            if response.status >= 400 { event.errorCode = errorCode(in: response.body) }
        }
        event.retryAfterSeconds = response.header("Retry-After").flatMap { Int($0) }
        return event
    }

    /// Binance's `"code":-1021` in an error body.
    static func errorCode(in body: [UInt8]) -> String? {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        guard let range = text.range(of: #""code":"#) else { return nil }
        let digits = text[range.upperBound...].prefix { $0 == "-" || $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }

    static func fingerprint(method: String, path: String, pairs: [String]) -> String {
        let text = method + " " + path + "?" + pairs.joined(separator: "&")
        return "fp-" + String(text.hashValueStable, radix: 16)
    }
}
