/// Coinbase Advanced Trade: server time, and `key_permissions` behind an ES256 bearer JWT.
struct CoinbaseEndpoints: Sendable {
    let configuration: StandInConfiguration
    let clock: ServerClock
    let verifier: CoinbaseJWTVerifier

    func time() -> RoutedResponse {
        let millis = clock.nowMilliseconds()
        let body = #"{"iso":"\#(ExchangeTimeFormat.isoSeconds(epochSeconds: millis / 1000))","epochSeconds":"\#(millis / 1000)","epochMillis":"\#(millis)"}"#
        return RoutedResponse(response: .json(200, body), outcome: "200")
    }

    func keyPermissions(_ request: StandInRequest) -> RoutedResponse {
        if let reason = verifier.rejection(
            authorization: request.header("Authorization"), method: request.method, path: request.path,
            serverTimeMs: clock.nowMilliseconds()
        ) {
            return Self.unauthorized(outcome: reason)
        }
        return RoutedResponse(response: .json(200, configuration.coinbasePermissions), outcome: "200")
    }

    /// Coinbase answers a bad or expired JWT with a bare 401 and a plain-text body.
    static func unauthorized(outcome: String) -> RoutedResponse {
        RoutedResponse(
            response: StandInResponse(status: 401, contentType: "text/plain; charset=utf-8", body: "Unauthorized\n"),
            outcome: "rejected: 401 \(outcome)"
        )
    }
}
