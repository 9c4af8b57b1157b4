import Foundation

/// What the log samples show of the bot's life: breaker transitions (C5), restarts and
/// reconciliation (D1), client order ids (D2), kill-switch use (D5) and heartbeats (E4).
public struct LifecycleLogFacts: Codable, Sendable, Equatable {
    // C5
    public var breakerTransitions: Int
    /// Transitions by the state they entered (`open`, `half_open`, `closed`), at most 16 states.
    public var breakerStates: [String: Int]
    public var breakerExamples: [SourceLocation]

    // D1
    public var startups: Int
    public var reconciles: Int
    /// Startups whose first order came after a reconcile record (or that placed no order).
    public var startupsReconciledFirst: Int
    /// The first order after a startup, placed before any reconcile record.
    public var ordersBeforeReconcile: LogRecordTally
    /// An order submitted with a client order id already used before a restart.
    public var resubmittedAfterRestart: LogRecordTally

    /// D1 read its orders from api_request records (placement requests), as the logs hold no order record.
    public var ordersFromRequests: Bool

    // D2: both kinds of record are read, each on its own.
    /// order_submit and order_cancel records.
    public var orderRecordIDs: OrderIDFacts
    /// api_request records that place (POST/PUT to an order endpoint) or cancel orders.
    public var orderRequestIDs: OrderIDFacts

    // D5
    public var killSwitchRecords: Int
    public var lastKillSwitchAt: Date?
    public var lastKillSwitchLocation: SourceLocation?

    // E4
    public var heartbeats: Int
    public var firstHeartbeatAt: Date?
    public var lastHeartbeatAt: Date?
    /// The longest time between two heartbeats, in ms, at the heartbeat that ended it.
    public var longestHeartbeatGapMs: LogMeasurement?
    /// The limit the gaps were counted against: heartbeat_gap_factor × monitoring.heartbeat_interval_s.
    public var heartbeatGapLimitMs: Double?
    public var heartbeatGapsOverLimit: LogRecordTally
    /// From the last heartbeat to the last record of any kind, in ms: a heartbeat that stopped.
    public var silenceAfterLastHeartbeatMs: LogMeasurement?

    /// The order facts D1 follows: the order records, or the placement requests when there are none.
    public var primaryOrderIDs: OrderIDFacts { ordersFromRequests ? orderRequestIDs : orderRecordIDs }

    public init() {
        breakerTransitions = 0
        breakerStates = [:]
        breakerExamples = []
        startups = 0
        reconciles = 0
        startupsReconciledFirst = 0
        ordersBeforeReconcile = LogRecordTally()
        resubmittedAfterRestart = LogRecordTally()
        ordersFromRequests = false
        orderRecordIDs = OrderIDFacts(records: .orderSubmit)
        orderRequestIDs = OrderIDFacts(records: .apiRequest)
        killSwitchRecords = 0
        heartbeats = 0
        heartbeatGapsOverLimit = LogRecordTally()
    }
}
