public struct OrdersSection: Codable, Sendable {
    /// What the bot does with an order whose outcome is unknown (timeout or 5xx).
    public enum UnknownOutcome: String, Codable, Sendable, CaseIterable, ManifestSpelling {
        case resendSameID = "resend_same_id"
        case queryStatus = "query_status"
        case resendNewID = "resend_new_id"
        case abandon
    }

    /// Every placement and cancellation carries a client order id.
    public var clientOrderIDs: Located<Bool>?
    public var reuseIDOnRetry: Located<Bool>?
    public var clientOrderIDPrefix: Located<String>?
    public var onUnknownOutcome: Located<UnknownOutcome>?

    /// The evidence bundle's keys, as written before the properties took Swift's acronym casing.
    enum CodingKeys: String, CodingKey {
        case clientOrderIDs = "clientOrderIds"
        case reuseIDOnRetry = "reuseIdOnRetry"
        case clientOrderIDPrefix = "clientOrderIdPrefix"
        case onUnknownOutcome
    }

    public init() {}
}
