import Foundation

/// One HTTP answer, as plain values.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why a request got no answer, in plain words ("timed out after 3 s connecting to api.binance.com").
/// Never carries a URL's query, a header value or a body: those can hold signatures.
public struct TransportFailure: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// The process boundary for HTTP: GET only, with a deadline. Tests substitute a real local server, not this protocol.
public protocol HTTPTransport: Sendable {
    func get(_ url: URL, headers: [String: String], timeout: Duration) async throws -> HTTPResponse
}
