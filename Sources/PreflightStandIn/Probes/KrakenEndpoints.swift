/// Kraken: server time only, in whole seconds (Kraken has no key-introspection endpoint the stand-in could copy).
struct KrakenEndpoints: Sendable {
    let clock: ServerClock

    func time() -> RoutedResponse {
        let seconds = clock.nowMilliseconds() / 1000
        let body = #"{"error":[],"result":{"unixtime":\#(seconds),"rfc1123":"\#(ExchangeTimeFormat.krakenRFC1123(epochSeconds: seconds))"}}"#
        return RoutedResponse(response: .json(200, body), outcome: "200")
    }
}
