/// The scenarios preflight ships: `quick` (about a minute, for tests and CI), `standard` (every fault,
/// a few minutes) and one per fault. Written in the scenario format and read by the same loader as a
/// user's file, so they are checked the same way.
public enum BuiltInScenarios {
    public static var names: [String] { ["quick", "standard"] + FaultParameters.keysByFault.keys.sorted() }

    /// nil: no built-in scenario has that name.
    public static func scenario(named name: String) throws -> DrillScenario? {
        guard let text = text(named: name) else { return nil }
        return try DrillScenarioLoader.parse(text, path: "built-in scenario \(name)")
    }

    static func text(named name: String) -> String? {
        switch name {
        case "quick": quick
        case "standard": standard
        case _ where FaultParameters.keysByFault[name] != nil: single(name)
        default: nil
        }
    }

    static let quick = """
        version: 1
        name: quick
        phases:
          - {name: warm-up, at: 0s, window: 8s}
          - {name: rate_limit, at: 8s, window: 10s, fault: rate_limit, scope: all, requests: 3, retry_after_s: 2, ban_after: 3, ban_s: 5}
          - {name: platform_error, at: 18s, window: 8s, fault: platform_error, scope: orders, requests: 2, status: 503}
          - {name: lost_response, at: 26s, window: 8s, fault: lost_response, requests: 1}
          - {name: validation, at: 34s, window: 6s, fault: validation, requests: 1, code: -1013}
          - {name: clock_skew, at: 40s, window: 8s, fault: clock_skew, skew_ms: -3000}
          - {name: ws_disconnect, at: 48s, window: 8s, fault: ws_disconnect, close_code: 1006, refuse: 2}
          - {name: sequence_gap, at: 56s, window: 6s, fault: sequence_gap, updates: 10}
          - {name: crash, at: 62s, window: 10s, fault: crash, on: open_order}
          - {name: kill_switch, at: 72s, window: 8s, fault: kill_switch}
          - {name: auth_revoked, at: 80s, window: 8s, fault: auth_revoked}

        """

    static let standard = """
        version: 1
        name: standard
        phases:
          - {name: warm-up, at: 0s, window: 15s}
          - {name: rate_limit, at: 15s, window: 20s, fault: rate_limit, scope: all, requests: 5, retry_after_s: 3, ban_after: 3, ban_s: 10}
          - {name: calm-1, at: 35s, window: 5s}
          - {name: ban, at: 40s, window: 15s, fault: ban, ban_s: 8}
          - {name: platform_error, at: 55s, window: 15s, fault: platform_error, scope: orders, requests: 4, status: 503}
          - {name: lost_response, at: 70s, window: 15s, fault: lost_response, requests: 2}
          - {name: validation, at: 85s, window: 10s, fault: validation, requests: 2, code: -1013}
          - {name: slow, at: 95s, window: 15s, fault: slow, latency_ms: 1500}
          - {name: clock_skew, at: 110s, window: 15s, fault: clock_skew, skew_ms: -3000}
          - {name: ws_disconnect, at: 125s, window: 15s, fault: ws_disconnect, close_code: 1006, refuse: 3}
          - {name: sequence_gap, at: 140s, window: 10s, fault: sequence_gap, updates: 25}
          - {name: stale_stream, at: 150s, window: 20s, fault: stale_stream}
          - {name: maintenance, at: 170s, window: 15s, fault: maintenance}
          - {name: crash, at: 185s, window: 12s, fault: crash, on: open_order}
          - {name: crash_lost_response, at: 197s, window: 15s, fault: crash, on: lost_response}
          - {name: kill_switch, at: 212s, window: 10s, fault: kill_switch}
          - {name: calm-2, at: 222s, window: 10s, fault: health}
          - {name: auth_revoked, at: 232s, window: 15s, fault: auth_revoked}

        """

    /// Warm-up, the fault for 20 s, then 10 s to see the recovery.
    static func single(_ fault: String) -> String {
        let parameters = fault == "clock_skew" ? ", skew_ms: -3000" : ""
        return """
            version: 1
            name: \(fault)
            phases:
              - {name: warm-up, at: 0s, window: 8s}
              - {name: \(fault), at: 8s, window: 20s, fault: \(fault)\(parameters)}
              - {name: recovery, at: 28s, window: 10s}

            """
    }
}
