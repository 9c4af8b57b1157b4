/// A crash the drill caused: the bot SIGKILLed with its orders open on the stand-in, the same command
/// started again, and what the new process sent before its first new order.
public struct DrillRestart: Codable, Sendable, Equatable {
    /// A client order id the new process placed again after the killed one had used it.
    public struct ReusedID: Codable, Sendable, Equatable {
        public var clientOrderID: String
        public var location: SourceLocation
        public var firstUsed: SourceLocation

        public init(clientOrderID: String, location: SourceLocation, firstUsed: SourceLocation) {
            self.clientOrderID = clientOrderID
            self.location = location
            self.firstUsed = firstUsed
        }
    }

    public static let reusedLimit = 20

    public var phase: String
    /// `open_order` or `lost_response`.
    public var trigger: String
    /// The bot_kill line; nil when the bot had already gone.
    public var killLocation: SourceLocation?
    /// The orders open on the stand-in when the bot was killed.
    public var orphanedOrders: [Int64]
    /// The bot_start line; nil when the command could not be started again (`restartFailure` says why).
    public var restartLocation: SourceLocation?
    public var restartFailure: String?
    /// The new process's first order query (open orders, an order by id, all orders) and its endpoint.
    public var firstOrderQuery: SourceLocation?
    public var firstOrderQueryEndpoint: String?
    /// The new process's first order placement.
    public var firstPlacement: SourceLocation?
    public var reusedClientOrderIDs: [ReusedID]

    public init(
        phase: String, trigger: String, killLocation: SourceLocation?, orphanedOrders: [Int64],
        restartLocation: SourceLocation? = nil, restartFailure: String? = nil, firstOrderQuery: SourceLocation? = nil,
        firstOrderQueryEndpoint: String? = nil, firstPlacement: SourceLocation? = nil, reusedClientOrderIDs: [ReusedID] = []
    ) {
        self.phase = phase
        self.trigger = trigger
        self.killLocation = killLocation
        self.orphanedOrders = orphanedOrders
        self.restartLocation = restartLocation
        self.restartFailure = restartFailure
        self.firstOrderQuery = firstOrderQuery
        self.firstOrderQueryEndpoint = firstOrderQueryEndpoint
        self.firstPlacement = firstPlacement
        self.reusedClientOrderIDs = reusedClientOrderIDs
    }

    /// nil until the new process placed an order; then whether it asked about its orders first.
    public var queriedBeforePlacing: Bool? {
        guard let placed = firstPlacement?.line else { return nil }
        guard let queried = firstOrderQuery?.line else { return false }
        return queried < placed
    }
}
