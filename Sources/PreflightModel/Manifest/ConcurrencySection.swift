/// Caps on requests in flight at once, per endpoint class (private = signed).
public struct ConcurrencySection: Codable, Sendable {
    public var privateRequests: Located<Int>?
    public var publicRequests: Located<Int>?

    public init() {}
}
