public struct RecoverySection: Codable, Sendable {
    public enum Scope: String, Codable, Sendable, CaseIterable, ManifestSpelling {
        case openOrders = "open_orders"
        case positions
        case balances
    }

    /// What is reconciled with the exchange at every start, before the first new order.
    public var reconcileOnStart: Located<[Scope]>?
    public var blockOrdersUntilReconciled: Located<Bool>?

    public init() {}
}
