/// An HTTP response the stand-in sends: status, headers and body. `Content-Length` is always the full body's.
public struct StandInResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, contentType: String = "application/json", headers: [(name: String, value: String)] = [], body: String) {
        self.status = status
        self.headers = [("Content-Type", contentType)] + headers
        self.body = Array(body.utf8)
    }

    public static func json(_ status: Int, _ body: String, headers: [(name: String, value: String)] = []) -> StandInResponse {
        StandInResponse(status: status, headers: headers, body: body)
    }

    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.lowercased() == name.lowercased() }
        headers.append((name, value))
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 418: "I'm a teapot"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }
}

/// A response together with the line that goes into the request record.
struct RoutedResponse: Sendable {
    var response: StandInResponse
    var outcome: String
}

/// How an answer leaves: at once, later, cut short, or not at all.
enum StandInDelivery: Sendable {
    case now
    case after(milliseconds: Int)
    /// The full `Content-Length`, half the body, then the connection closes.
    case truncated
    /// The connection closes without an answer.
    case dropConnection
}

/// What the stand-in decided for one request.
struct StandInReply: Sendable {
    var routed: RoutedResponse
    var delivery: StandInDelivery = .now
    /// The wire record of a Binance request, completed when the answer leaves.
    var wire: WireEvent?
}
