/// C3: 5xx, 408 and timeouts (and the exchange's platform codes), the retries after them, whether the budget
/// ended in an escalation, and what became of orders whose outcome they left unknown.
public struct PlatformFailureFacts: Codable, Sendable, Equatable {
    public var failures = LogRecordTally()
    public var retries = 0
    /// Chains that met a platform failure, by number of attempts, and the longest of them.
    public var chainAttempts: [Int: Int] = [:]
    public var mostAttempts: [RetryChainExample] = []
    /// Chains whose last attempt failed with a platform error, and how many were followed by an escalation.
    public var chainsGivenUp = 0
    public var chainsEscalated = 0
    public var chainsWithoutEscalation = LogRecordTally()
    public var chainsUndecided = 0
    /// Order placements that timed out or got a 5xx: their outcome is unknown.
    public var unknownOutcomeOrders = LogRecordTally()
    /// Re-sends of such an order under a new client order id (double-order risk), under the same one, or after a
    /// status query.
    public var resentUnderNewID = LogRecordTally()
    public var resentUnderSameID = 0
    public var statusQueriedFirst = 0

    public init() {}
}
