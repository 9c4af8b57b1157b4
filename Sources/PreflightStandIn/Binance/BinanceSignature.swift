/// Binance's checks on a signed request, in Binance's order: the API key header, the mandatory
/// parameters, recvWindow's range, the timestamp window against the server clock, then the signature
/// (hex HMAC-SHA256 of the query string and the body).
enum BinanceSignature {
    static let defaultRecvWindowMs: Int64 = 5000
    static let maximumRecvWindowMs: Int64 = 60000

    /// The timestamp and recvWindow a request carried, whether or not it passed.
    struct Stamp: Sendable {
        var timestamp: Int64?
        var recvWindow: Int64?
    }

    static func stamp(_ parameters: BinanceParameters) -> Stamp {
        Stamp(timestamp: parameters["timestamp"].flatMap { Int64($0) }, recvWindow: parameters["recvWindow"].flatMap { Int64($0) })
    }

    static func verifyKey(_ request: StandInRequest, apiKey: String) throws(BinanceError) {
        guard let key = request.header("X-MBX-APIKEY"), !key.isEmpty else { throw .badKeyFormat }
        guard RequestSigning.constantTimeEquals(key, apiKey) else { throw .unknownKey }
    }

    static func verify(
        _ request: StandInRequest, _ parameters: BinanceParameters, apiKey: String, secret: String, serverTimeMs: Int64
    ) throws(BinanceError) {
        try verifyKey(request, apiKey: apiKey)
        guard let timestampText = parameters["timestamp"], !timestampText.isEmpty else { throw .missing("timestamp") }
        guard let timestamp = Int64(timestampText) else { throw .illegal("timestamp") }
        var recvWindow = defaultRecvWindowMs
        if let windowText = parameters["recvWindow"] {
            guard let window = Int64(windowText), window > 0, window <= maximumRecvWindowMs else { throw .recvWindowTooLarge }
            recvWindow = window
        }
        guard let signature = parameters["signature"], !signature.isEmpty else { throw .missing("signature") }
        if timestamp >= serverTimeMs + 1000 { throw .aheadOfServer }
        if serverTimeMs - timestamp > recvWindow { throw .outsideRecvWindow }
        let expected = RequestSigning.hexHMAC(secret: secret, message: parameters.signedPayload)
        guard RequestSigning.constantTimeEquals(signature.lowercased(), expected) else { throw .badSignature }
    }
}
