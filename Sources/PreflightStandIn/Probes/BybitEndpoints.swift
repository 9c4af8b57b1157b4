/// Bybit v5: server time, and the signed `query-api` key introspection.
///
/// Bybit answers authentication failures with HTTP 200 and a nonzero `retCode`.
struct BybitEndpoints: Sendable {
    let configuration: StandInConfiguration
    let clock: ServerClock

    static let defaultRecvWindowMs: Int64 = 5000

    func time() -> RoutedResponse {
        let nanos = clock.nowNanoseconds()
        let body = #"{"retCode":0,"retMsg":"OK","result":{"timeSecond":"\#(nanos / 1_000_000_000)","timeNano":"\#(nanos)"},"retExtInfo":{},"time":\#(nanos / 1_000_000)}"#
        return RoutedResponse(response: .json(200, body), outcome: "200")
    }

    /// Checks the key, the timestamp window (`serverTime - recvWindow <= timestamp < serverTime + 1000`), then the signature.
    func queryAPI(_ request: StandInRequest) -> RoutedResponse {
        let serverTime = clock.nowMilliseconds()
        guard let key = request.header("X-BAPI-API-KEY"), RequestSigning.constantTimeEquals(key, configuration.apiKey) else {
            return Self.error(10003, "API key is invalid.", outcome: "unknown key", at: serverTime)
        }
        let recvWindowText = request.header("X-BAPI-RECV-WINDOW") ?? ""
        let recvWindow = recvWindowText.isEmpty ? Self.defaultRecvWindowMs : Int64(recvWindowText)
        guard let timestampText = request.header("X-BAPI-TIMESTAMP"), let timestamp = Int64(timestampText),
              let recvWindow, recvWindow > 0,
              serverTime - recvWindow <= timestamp, timestamp < serverTime + 1000
        else {
            let message = "invalid request, please check your server timestamp or recv_window param. req_timestamp[\(request.header("X-BAPI-TIMESTAMP") ?? "")],server_timestamp[\(serverTime)],recv_window[\(recvWindowText)]"
            return Self.error(10002, message, outcome: "timestamp outside recv_window", at: serverTime)
        }
        let expected = RequestSigning.hexHMAC(
            secret: configuration.apiSecret, message: timestampText + key + recvWindowText + request.query
        )
        guard let signature = request.header("X-BAPI-SIGN"), RequestSigning.constantTimeEquals(signature.lowercased(), expected) else {
            return Self.error(10004, "Error sign, please check your signature generation algorithm.", outcome: "bad signature", at: serverTime)
        }
        let body = #"{"retCode":0,"retMsg":"","result":\#(configuration.bybitKey),"retExtInfo":{},"time":\#(serverTime)}"#
        return RoutedResponse(response: .json(200, body), outcome: "200")
    }

    static func error(_ code: Int, _ message: String, outcome: String, at serverTime: Int64) -> RoutedResponse {
        let body = #"{"retCode":\#(code),"retMsg":"\#(message)","result":{},"retExtInfo":{},"time":\#(serverTime)}"#
        return RoutedResponse(response: .json(200, body), outcome: "rejected: \(code) \(outcome)")
    }
}
