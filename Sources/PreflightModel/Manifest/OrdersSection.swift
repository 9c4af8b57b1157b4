public struct OrdersSection: Codable, Sendable {
    /// What the bot does with an order whose outcome is unknown (timeout or 5xx).
    public enum UnknownOutcome: String, Codable, Sendable, CaseIterable {
        case resendSameId = "resend_same_id"
        case queryStatus = "query_status"
        case resendNewId = "resend_new_id"
        case abandon
    }

    /// Every placement and cancellation carries a client order id.
    public var clientOrderIds: Located<Bool>?
    public var reuseIdOnRetry: Located<Bool>?
    public var clientOrderIdPrefix: Located<String>?
    public var onUnknownOutcome: Located<UnknownOutcome>?

    public init() {}
}
