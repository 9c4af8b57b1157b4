/// The read-only endpoints the probes use on the exchanges that have no drill dialect yet (Bybit, OKX,
/// Kraken, Coinbase), and the probe tests' path faults dressed in each exchange's own bodies.
struct ProbeEndpoints: Sendable {
    let bybit: BybitEndpoints
    let okx: OKXEndpoints
    let kraken: KrakenEndpoints
    let coinbase: CoinbaseEndpoints
    let clock: ServerClock

    init(configuration: StandInConfiguration, clock: ServerClock, coinbaseVerifier: CoinbaseJWTVerifier) {
        self.clock = clock
        bybit = BybitEndpoints(configuration: configuration, clock: clock)
        okx = OKXEndpoints(configuration: configuration, clock: clock)
        kraken = KrakenEndpoints(clock: clock)
        coinbase = CoinbaseEndpoints(configuration: configuration, clock: clock, verifier: coinbaseVerifier)
    }

    /// nil: not one of these exchanges' probe paths (Binance's are the dialect's).
    func route(_ request: StandInRequest) -> RoutedResponse? {
        let handlers: [String: () -> RoutedResponse] = [
            "/v5/market/time": bybit.time, "/v5/user/query-api": { bybit.queryAPI(request) },
            "/api/v5/public/time": okx.time, "/api/v5/account/config": { okx.accountConfig(request) },
            "/0/public/Time": kraken.time,
            "/api/v3/brokerage/time": coinbase.time, "/api/v3/brokerage/key_permissions": { coinbase.keyPermissions(request) },
        ]
        guard let handler = handlers[request.path] else { return nil }
        guard request.method == "GET" else {
            return RoutedResponse(response: .json(405, #"{"error":"method not allowed"}"#, headers: [("Allow", "GET")]), outcome: "405 method not allowed")
        }
        return handler()
    }

    /// The answer under a probe test's path fault.
    func faulted(_ request: StandInRequest, fault: StandInFault, normal: RoutedResponse) -> StandInReply {
        switch fault {
        case .closeConnection:
            return StandInReply(routed: RoutedResponse(response: normal.response, outcome: "fault: connection closed without an answer"), delivery: .dropConnection)
        case .slow(let seconds):
            return StandInReply(routed: RoutedResponse(response: normal.response, outcome: "fault: slow \(seconds) s, then \(normal.outcome)"), delivery: .after(milliseconds: Int(seconds * 1000)))
        case .truncatedJSON:
            let body = normal.response.body.count
            return StandInReply(routed: RoutedResponse(response: normal.response, outcome: "fault: truncated body (\(body / 2) of \(body) bytes)"), delivery: .truncated)
        default:
            let venue = ExchangeVenue(path: request.path)
            let routed = FaultResponses.response(for: fault, venue: venue, serverTimeMs: clock.nowMilliseconds()) ?? normal
            return StandInReply(routed: routed)
        }
    }
}
