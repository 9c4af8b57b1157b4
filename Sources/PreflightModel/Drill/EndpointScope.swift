/// Which requests a fault applies to.
public enum EndpointScope: String, Sendable, Equatable, CaseIterable {
    /// Every REST request.
    case all
    /// Order placement and cancellation.
    case orders
    /// Every signed request.
    case signed
    /// Public market data.
    case market
}
