/// OKX v5: server time, and the signed `account/config` key introspection.
///
/// OKX has no recvWindow: a request more than 30 s from the server clock, either way, has expired.
struct OKXEndpoints: Sendable {
    let configuration: StandInConfiguration
    let clock: ServerClock

    static let timestampWindowMs: Int64 = 30_000

    func time() -> RoutedResponse {
        RoutedResponse(response: .json(200, #"{"code":"0","msg":"","data":[{"ts":"\#(clock.nowMilliseconds())"}]}"#), outcome: "200")
    }

    func accountConfig(_ request: StandInRequest) -> RoutedResponse {
        func present(_ name: String) -> String? {
            guard let value = request.header(name), !value.isEmpty else { return nil }
            return value
        }
        guard let key = present("OK-ACCESS-KEY") else {
            return Self.error("50103", "Request header OK-ACCESS-KEY can not be empty.", outcome: "missing key")
        }
        guard let passphrase = present("OK-ACCESS-PASSPHRASE") else {
            return Self.error("50104", "Request header OK-ACCESS-PASSPHRASE can not be empty.", outcome: "missing passphrase")
        }
        guard let timestampText = present("OK-ACCESS-TIMESTAMP") else {
            return Self.error("50107", "Request header OK-ACCESS-TIMESTAMP can not be empty.", outcome: "missing timestamp")
        }
        guard let signature = present("OK-ACCESS-SIGN") else {
            return Self.error("50106", "Request header OK-ACCESS-SIGN can not be empty.", outcome: "missing signature")
        }
        guard RequestSigning.constantTimeEquals(key, configuration.apiKey) else {
            return Self.error("50111", "Invalid OK-ACCESS-KEY.", outcome: "unknown key")
        }
        guard !configuration.passphrase.isEmpty, RequestSigning.constantTimeEquals(passphrase, configuration.passphrase) else {
            return Self.error("50105", "Invalid OK-ACCESS-PASSPHRASE.", outcome: "wrong passphrase")
        }
        guard let timestamp = ExchangeTimeFormat.parseISOMilliseconds(timestampText) else {
            return Self.error("50112", "Invalid OK-ACCESS-TIMESTAMP.", outcome: "malformed timestamp")
        }
        guard abs(clock.nowMilliseconds() - timestamp) <= Self.timestampWindowMs else {
            return Self.error("50102", "Timestamp request expired.", outcome: "timestamp expired")
        }
        let prehash = timestampText + request.method + request.target + String(decoding: request.body, as: UTF8.self)
        let expected = RequestSigning.base64HMAC(secret: configuration.apiSecret, message: prehash)
        guard RequestSigning.constantTimeEquals(signature, expected) else {
            return Self.error("50113", "Invalid Sign.", outcome: "bad signature")
        }
        return RoutedResponse(response: .json(200, #"{"code":"0","msg":"","data":[\#(configuration.okxConfig)]}"#), outcome: "200")
    }

    static func error(_ code: String, _ message: String, status: Int = 401, outcome: String) -> RoutedResponse {
        RoutedResponse(
            response: .json(status, #"{"code":"\#(code)","msg":"\#(message)","data":[]}"#),
            outcome: "rejected: \(code) \(outcome)"
        )
    }
}
