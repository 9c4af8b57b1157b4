/// Binance spot and USD-M futures: server time, and the signed `apiRestrictions` key introspection.
struct BinanceEndpoints: Sendable {
    let configuration: MockExchangeConfiguration
    let clock: ServerClock

    static let defaultRecvWindowMs: Int64 = 5000
    static let maximumRecvWindowMs: Int64 = 60000

    func time() -> RoutedResponse {
        RoutedResponse(response: .json(200, #"{"serverTime":\#(clock.nowMilliseconds())}"#, headers: usedWeight), outcome: "200")
    }

    /// Checks in Binance's order: API key header, parameters, timestamp window, then the signature.
    func apiRestrictions(_ request: HTTPRequest) -> RoutedResponse {
        guard let key = request.header("X-MBX-APIKEY"), !key.isEmpty else {
            return Self.error(401, -2014, "API-key format invalid.", outcome: "missing key")
        }
        guard RequestSigning.constantTimeEquals(key, configuration.apiKey) else {
            return Self.error(401, -2015, "Invalid API-key, IP, or permissions for action.", outcome: "unknown key")
        }
        let parameters = request.query.split(separator: "&", omittingEmptySubsequences: false).map(String.init)
        func value(_ name: String) -> String? {
            parameters.first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
        }
        guard let timestampText = value("timestamp"), let timestamp = Int64(timestampText) else {
            return Self.error(400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.", outcome: "missing timestamp")
        }
        var recvWindow = Self.defaultRecvWindowMs
        if let windowText = value("recvWindow") {
            guard let window = Int64(windowText), window > 0, window <= Self.maximumRecvWindowMs else {
                return Self.error(400, -1131, "recvWindow must be less than 60000", outcome: "bad recvWindow")
            }
            recvWindow = window
        }
        guard let signature = value("signature"), !signature.isEmpty else {
            return Self.error(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.", outcome: "missing signature")
        }
        let serverTime = clock.nowMilliseconds()
        if timestamp >= serverTime + 1000 || serverTime - timestamp > recvWindow {
            return Self.error(400, -1021, "Timestamp for this request is outside of the recvWindow.", outcome: "timestamp outside recvWindow")
        }
        let signedPayload = parameters.filter { !$0.hasPrefix("signature=") }.joined(separator: "&")
            + String(decoding: request.body, as: UTF8.self)
        let expected = RequestSigning.hexHMAC(secret: configuration.apiSecret, message: signedPayload)
        guard RequestSigning.constantTimeEquals(signature.lowercased(), expected) else {
            return Self.error(400, -1022, "Signature for this request is not valid.", outcome: "bad signature")
        }
        return RoutedResponse(response: .json(200, configuration.binanceRestrictions, headers: usedWeight), outcome: "200")
    }

    private var usedWeight: [(name: String, value: String)] { [("X-MBX-USED-WEIGHT-1M", "1")] }

    static func error(_ status: Int, _ code: Int, _ message: String, outcome: String) -> RoutedResponse {
        RoutedResponse(
            response: .json(status, #"{"code":\#(code),"msg":"\#(message)"}"#),
            outcome: "rejected: \(code) \(outcome)"
        )
    }
}
