/// One HTTP request as the stand-in received it.
public struct StandInRequest: Sendable {
    public var method: String
    /// The request target as sent, e.g. `/api/v3/time?x=1`.
    public var target: String
    public var version = "HTTP/1.1"
    /// Header (name, value) pairs in the order received, names as sent.
    public var headers: [(name: String, value: String)] = []
    public var body: [UInt8] = []
    /// Which TCP connection it came on (1, 2, … in accept order).
    public var connection = 0

    public var path: String {
        guard let mark = target.firstIndex(of: "?") else { return target }
        return String(target[..<mark])
    }

    public var query: String {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: mark)...])
    }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
