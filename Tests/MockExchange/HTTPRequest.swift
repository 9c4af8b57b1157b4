/// One parsed HTTP/1.1 request.
struct HTTPRequest: Sendable {
    var method: String
    /// The request target as sent, e.g. `/api/v3/time?x=1`.
    var target: String
    var version: String
    /// Header (name, value) pairs in the order received, names as sent.
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    var path: String {
        guard let mark = target.firstIndex(of: "?") else { return target }
        return String(target[..<mark])
    }

    var query: String {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: mark)...])
    }

    /// The first value of a header, matched case-insensitively.
    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// Whether the connection stays open after this request (HTTP/1.1 default, unless `Connection: close`).
    var keepsConnectionAlive: Bool {
        let connection = header("Connection")?.lowercased() ?? ""
        if version == "HTTP/1.0" { return connection.contains("keep-alive") }
        return !connection.contains("close")
    }
}
