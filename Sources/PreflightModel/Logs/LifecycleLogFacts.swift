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

    // D2
    /// The logs hold no order_submit or order_cancel record, so the order facts come from the
    /// api_request records that place (POST/PUT to an order endpoint) or cancel orders.
    public var orderIDsFromRequests: Bool
    public var orderSubmits: Int
    public var orderCancels: Int
    public var submitsWithoutID: LogRecordTally
    public var cancelsWithoutID: LogRecordTally
    /// Submits with attempt > 1 whose id an earlier attempt carried.
    public var retriesReusingID: Int
    /// Submits with attempt > 1 whose id no earlier attempt carried.
    public var retriesWithNewID: LogRecordTally
    /// A new order (no attempt > 1) with a client order id an earlier order already used.
    public var sharedIDs: LogRecordTally
    /// How many distinct client order ids are remembered at least (older ones are forgotten).
    public var idMemoryCapacity: Int
    /// Ids forgotten because the memory was full: repeats of those could not be seen.
    public var idsForgotten: Int

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

    public init() {
        breakerTransitions = 0
        breakerStates = [:]
        breakerExamples = []
        startups = 0
        reconciles = 0
        startupsReconciledFirst = 0
        ordersBeforeReconcile = LogRecordTally()
        resubmittedAfterRestart = LogRecordTally()
        orderIDsFromRequests = false
        orderSubmits = 0
        orderCancels = 0
        submitsWithoutID = LogRecordTally()
        cancelsWithoutID = LogRecordTally()
        retriesReusingID = 0
        retriesWithNewID = LogRecordTally()
        sharedIDs = LogRecordTally()
        idMemoryCapacity = 0
        idsForgotten = 0
        killSwitchRecords = 0
        heartbeats = 0
        heartbeatGapsOverLimit = LogRecordTally()
    }
}
