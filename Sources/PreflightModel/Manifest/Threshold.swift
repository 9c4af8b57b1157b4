/// A tunable number in the rules, with its default and which way is looser.
public enum Threshold: String, Codable, Sendable, CaseIterable, CodingKeyRepresentable {
    case maxPrivateInflight = "max_private_inflight"
    case maxPublicInflight = "max_public_inflight"
    case backoffFloorMs = "backoff_floor_ms"
    case maxAttempts = "max_attempts"
    case minJitterMs = "min_jitter_ms"
    case timestampSkewMs = "timestamp_skew_ms"
    case pollCeilingSeconds = "poll_ceiling_s"
    case offsetShareOfRecvWindow = "offset_share_of_recv_window"
    case fieldCoverage = "field_coverage"
    case keyMaxAgeDays = "key_max_age_days"
    case killSwitchExerciseDays = "kill_switch_exercise_days"
    case heartbeatGapFactor = "heartbeat_gap_factor"
    case killSwitchHaltSeconds = "kill_switch_halt_s"

    public var defaultValue: Double {
        switch self {
        case .maxPrivateInflight: 2
        case .maxPublicInflight: 4
        case .backoffFloorMs: 500
        case .maxAttempts: 3
        case .minJitterMs: 500
        case .timestampSkewMs: 1000
        case .pollCeilingSeconds: 900
        case .offsetShareOfRecvWindow: 0.5
        case .fieldCoverage: 0.99
        case .keyMaxAgeDays: 90
        case .killSwitchExerciseDays: 30
        case .heartbeatGapFactor: 2
        case .killSwitchHaltSeconds: 5
        }
    }

    /// True when a higher value lets more through (so raising it is loosening).
    public var higherIsLooser: Bool {
        switch self {
        case .backoffFloorMs, .minJitterMs, .fieldCoverage: false
        default: true
        }
    }

    /// The allowed range: coverage and shares are fractions, the rest are positive counts or durations.
    public var range: ClosedRange<Double> {
        switch self {
        case .fieldCoverage, .offsetShareOfRecvWindow: 0.01...1
        default: 1...1_000_000
        }
    }

    public var explanation: String {
        switch self {
        case .maxPrivateInflight: "B1: most signed requests in flight at once"
        case .maxPublicInflight: "B1: most public requests in flight at once"
        case .backoffFloorMs: "B2: shortest wait (ms) before retrying after a rate-limit response"
        case .maxAttempts: "B3/C3: most attempts per request, the first included"
        case .minJitterMs: "B4: least jitter (± ms) of retry delays for the same attempt; they must spread over twice this"
        case .timestampSkewMs: "A4: largest gap (ms) between a signed request's timestamp and its log time"
        case .pollCeilingSeconds: "A5: longest NTP poll interval (s)"
        case .offsetShareOfRecvWindow: "A6/E3: largest clock offset as a share of recvWindow"
        case .fieldCoverage: "A6/E1: share of records that must carry a required field"
        case .keyMaxAgeDays: "A3: longest key rotation interval (days)"
        case .killSwitchExerciseDays: "D5: days since the kill switch was last exercised"
        case .heartbeatGapFactor: "E4: largest heartbeat gap as a multiple of the interval"
        case .killSwitchHaltSeconds: "D5 (drill): longest time (s) after the kill switch is engaged in which a new order may still arrive"
        }
    }
}
