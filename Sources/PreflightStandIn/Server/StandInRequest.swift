/// One HTTP request as the stand-in received it.
public struct StandInRequest: Sendable {
    public var method: String
    /// The request target as sent, e.g. `/api/v3/time?x=1`.
    public var target: String
    public var version: String
    /// Header (name, value) pairs in the order received, names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Which TCP connection it came on (1, 2, … in accept order).
    public var connection: Int

    public init(
        method: String, target: String, version: String = "HTTP/1.1", headers: [(name: String, value: String)] = [],
        body: [UInt8] = [], connection: Int = 0
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.connection = connection
    }

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
