/// One request the stand-in received, and what it did with it.
public struct StandInRequestRecord: Sendable {
    public var method: String
    /// The path without the query, e.g. `/sapi/v1/account/apiRestrictions`.
    public var path: String
    /// The raw query string without the `?`; empty when there is none.
    public var query: String
    /// Header names as the client sent them, in order.
    public var headerNames: [String]
    /// `"200"`, `"rejected: -1022 bad signature"`, `"fault: 429 rate limited"`, `"404 unknown path"`, …
    public var outcome: String
}
