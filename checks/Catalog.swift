import PreflightModel

/// All 25 checklist items, in checklist order.
public enum Catalog {
    public static let checks: [any Check] = [
        KeyLeastPrivilegeCheck(), KeyIPAllowlistCheck(), KeyRotationCheck(), FreshTimestampsCheck(), NTPSyncCheck(),
        ClockDriftLoggedCheck(),
        ConcurrencyCapsCheck(), BackoffOn429Check(), RetryBudgetCheck(), ExponentialBackoffJitterCheck(),
        ReconnectSingleFlightCheck(),
        AuthFailureStopsCheck(), RateLimitBackpressureCheck(), PlatformErrorBoundedRetryCheck(), ValidationErrorStopsCheck(),
        CircuitBreakersCheck(),
        RestartReconciliationCheck(), IdempotencyKeysCheck(), StreamSequenceTrackingCheck(), BoundedResyncCheck(),
        KillSwitchCheck(),
        RequestLogFieldsCheck(), DisconnectLogFieldsCheck(), ClockOffsetAlertCheck(), HealthMonitoringCheck(),
    ]

    public static func check(id: String) -> (any Check)? {
        checks.first { $0.item.id.caseInsensitiveCompare(id) == .orderedSame }
    }
}
