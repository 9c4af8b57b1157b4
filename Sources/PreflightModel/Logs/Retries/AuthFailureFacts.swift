/// C1: 401/403 and the exchange's key, signature, permission and timestamp codes, what followed each.
public struct AuthFailureFacts: Codable, Sendable, Equatable {
    public var failures = LogRecordTally()
    public var retries = LogRecordTally()
    /// The one re-signed re-send after a timestamp rejection, made after a fresh query of the exchange's server
    /// time: the documented remedy, not counted as a retry (the escalation is still required).
    public var timestampRemedyResends = LogRecordTally()
    /// Failures with no escalation, kill_switch or open circuit_breaker record within the escalation window.
    public var withoutEscalation = LogRecordTally()
    /// Failures too close to the end of the logs to tell whether an escalation followed.
    public var undecided = 0

    public init() {}
}
