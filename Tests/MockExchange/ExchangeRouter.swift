/// Maps a request to the endpoint that answers it. Only the GET endpoints in `servedPaths` exist;
/// anything else gets a 404 (unknown path) or 405 (known path, other method).
struct ExchangeRouter: Sendable {
    let binance: BinanceEndpoints
    let bybit: BybitEndpoints
    let okx: OKXEndpoints
    let kraken: KrakenEndpoints
    let coinbase: CoinbaseEndpoints

    init(configuration: MockExchangeConfiguration, coinbaseVerifier: CoinbaseJWTVerifier) {
        let clock = ServerClock(skewMs: configuration.clockSkewMs)
        binance = BinanceEndpoints(configuration: configuration, clock: clock)
        bybit = BybitEndpoints(configuration: configuration, clock: clock)
        okx = OKXEndpoints(configuration: configuration, clock: clock)
        kraken = KrakenEndpoints(clock: clock)
        coinbase = CoinbaseEndpoints(configuration: configuration, clock: clock, verifier: coinbaseVerifier)
    }

    var clock: ServerClock { kraken.clock }

    func route(_ request: HTTPRequest) -> RoutedResponse {
        guard MockExchangeServer.servedPaths.contains(request.path) else {
            return RoutedResponse(response: .json(404, #"{"error":"not found"}"#), outcome: "404 unknown path")
        }
        guard request.method == "GET" else {
            return RoutedResponse(
                response: .json(405, #"{"error":"method not allowed"}"#, headers: [("Allow", "GET")]),
                outcome: "405 method not allowed"
            )
        }
        switch request.path {
        case "/api/v3/time", "/fapi/v1/time": return binance.time()
        case "/sapi/v1/account/apiRestrictions": return binance.apiRestrictions(request)
        case "/v5/market/time": return bybit.time()
        case "/v5/user/query-api": return bybit.queryAPI(request)
        case "/api/v5/public/time": return okx.time()
        case "/api/v5/account/config": return okx.accountConfig(request)
        case "/0/public/Time": return kraken.time()
        case "/api/v3/brokerage/time": return coinbase.time()
        case "/api/v3/brokerage/key_permissions": return coinbase.keyPermissions(request)
        default: preconditionFailure("servedPaths lists \(request.path) but the router has no endpoint for it")
        }
    }
}
