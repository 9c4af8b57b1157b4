/// Binance's error answers: the HTTP status, the code and the message, worded as Binance words them.
struct BinanceError: Error, Sendable {
    var status: Int
    var code: Int
    var message: String
    /// What goes into the request record besides the code.
    var outcome: String
    var headers: [(name: String, value: String)] = []

    var routed: RoutedResponse {
        RoutedResponse(
            response: .json(status, #"{"code":\#(code),"msg":"\#(JSONText.escaped(message))"}"#, headers: headers),
            outcome: "rejected: \(code) \(outcome)"
        )
    }

    static func missing(_ name: String) -> BinanceError {
        BinanceError(status: 400, code: -1102, message: "Mandatory parameter '\(name)' was not sent, was empty/null, or malformed.", outcome: "missing \(name)")
    }

    static func illegal(_ name: String) -> BinanceError {
        BinanceError(status: 400, code: -1100, message: "Illegal characters found in parameter '\(name)'; legal range is '^[0-9]{1,20}$'.", outcome: "illegal \(name)")
    }

    static let badKeyFormat = BinanceError(status: 401, code: -2014, message: "API-key format invalid.", outcome: "missing key")
    static let unknownKey = BinanceError(status: 401, code: -2015, message: "Invalid API-key, IP, or permissions for action.", outcome: "unknown key")
    static let badSignature = BinanceError(status: 400, code: -1022, message: "Signature for this request is not valid.", outcome: "bad signature")
    static let recvWindowTooLarge = BinanceError(status: 400, code: -1131, message: "recvWindow must be less than 60000", outcome: "bad recvWindow")
    static let outsideRecvWindow = BinanceError(status: 400, code: -1021, message: "Timestamp for this request is outside of the recvWindow.", outcome: "timestamp outside recvWindow")
    static let aheadOfServer = BinanceError(status: 400, code: -1021, message: "Timestamp for this request was 1000ms ahead of the server's time.", outcome: "timestamp ahead of server")
    static let invalidSymbol = BinanceError(status: 400, code: -1121, message: "Invalid symbol.", outcome: "invalid symbol")
    static let unknownOrder = BinanceError(status: 400, code: -2013, message: "Order does not exist.", outcome: "order does not exist")
    static let unknownOrderCancel = BinanceError(status: 400, code: -2011, message: "Unknown order sent.", outcome: "unknown order")
    static let duplicateOrder = BinanceError(status: 400, code: -2010, message: "Duplicate order sent.", outcome: "duplicate client order id")
    static let insufficientBalance = BinanceError(status: 400, code: -2010, message: "Account has insufficient balance for requested action.", outcome: "insufficient balance")
    static let tooPrecise = BinanceError(status: 400, code: -1111, message: "Parameter 'quantity' has too much precision.", outcome: "too much precision")

    static func filterFailure(_ filter: String) -> BinanceError {
        BinanceError(status: 400, code: -1013, message: "Filter failure: \(filter)", outcome: "filter \(filter)")
    }

    static func invalidParameter(_ name: String, _ value: String) -> BinanceError {
        BinanceError(status: 400, code: -1116, message: "Invalid \(name).", outcome: "invalid \(name) \(value.prefix(20))")
    }
}

/// JSON string escaping for values that come from clients (client order ids) or our own text.
enum JSONText {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func quoted(_ text: String) -> String { "\"\(escaped(text))\"" }
}
