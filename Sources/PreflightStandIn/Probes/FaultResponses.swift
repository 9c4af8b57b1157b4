/// The answers for the faults that are a different response (not a different use of the wire),
/// each in the body the path's exchange itself would send.
enum FaultResponses {
    /// `nil` for `slow`, `truncatedJSON` and `closeConnection`, which change how the normal answer is sent.
    static func response(for fault: StandInFault, venue: ExchangeVenue, serverTimeMs: Int64) -> RoutedResponse? {
        switch fault {
        case .rateLimited(let seconds):
            let response = StandInResponse.json(429, rateLimitBody(venue, serverTimeMs), headers: [("Retry-After", "\(seconds)")])
            return RoutedResponse(response: response, outcome: "fault: 429 rate limited")
        case .ipBanned:
            let body: String = switch venue {
            case .binance: #"{"code":-1003,"msg":"Way too many requests; IP(127.0.0.1) banned until \#(serverTimeMs + 120_000). Please use the websocket for live updates to avoid bans."}"#
            default: rateLimitBody(venue, serverTimeMs)
            }
            return RoutedResponse(response: .json(418, body, headers: [("Retry-After", "120")]), outcome: "fault: 418 ip banned")
        case .invalidKey:
            let routed: RoutedResponse = switch venue {
            case .binance, .unknown: BinanceError.unknownKey.routed
            case .bybit: BybitEndpoints.error(10003, "API key is invalid.", outcome: "unknown key", at: serverTimeMs)
            case .okx: OKXEndpoints.error("50111", "Invalid OK-ACCESS-KEY.", outcome: "unknown key")
            case .kraken: RoutedResponse(response: .json(200, #"{"error":["EAPI:Invalid key"]}"#), outcome: "rejected: EAPI:Invalid key")
            case .coinbase: CoinbaseEndpoints.unauthorized(outcome: "unknown key")
            }
            return RoutedResponse(response: routed.response, outcome: "fault: invalid key (\(routed.outcome))")
        case .serverError(let status):
            let body: String = switch venue {
            case .binance, .unknown: #"{"code":-1000,"msg":"An unknown error occurred while processing the request."}"#
            case .bybit: #"{"retCode":10016,"retMsg":"Internal server error.","result":{},"retExtInfo":{},"time":\#(serverTimeMs)}"#
            case .okx: #"{"code":"50001","msg":"Service temporarily unavailable. Please try again later.","data":[]}"#
            case .kraken: #"{"error":["EService:Unavailable"]}"#
            case .coinbase: #"{"error":"INTERNAL","message":"internal error"}"#
            }
            return RoutedResponse(response: .json(status, body), outcome: "fault: \(status) server error")
        case .htmlErrorPage(let status):
            let title = "\(status) \(StandInResponse.reason(status))"
            let page = "<html>\r\n<head><title>\(title)</title></head>\r\n<body>\r\n<center><h1>\(title)</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
            return RoutedResponse(
                response: StandInResponse(status: status, contentType: "text/html", body: page),
                outcome: "fault: \(status) html error page"
            )
        case .slow, .truncatedJSON, .closeConnection:
            return nil
        }
    }

    private static func rateLimitBody(_ venue: ExchangeVenue, _ serverTimeMs: Int64) -> String {
        switch venue {
        case .binance, .unknown: #"{"code":-1003,"msg":"Too many requests; current limit of IP(127.0.0.1) request weight is 6000 per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API."}"#
        case .bybit: #"{"retCode":10006,"retMsg":"Too many visits!","result":{},"retExtInfo":{},"time":\#(serverTimeMs)}"#
        case .okx: #"{"code":"50011","msg":"Too Many Requests","data":[]}"#
        case .kraken: #"{"error":["EAPI:Rate limit exceeded"]}"#
        case .coinbase: #"{"error":"RESOURCE_EXHAUSTED","message":"Too many requests"}"#
        }
    }
}
