/// What asking one time source gave: its facts, or why it was skipped or failed.
public struct TimeSourceAttempt: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        /// The source answered and its facts were read.
        case used
        /// The source is not there (not installed, not running, no systemd): try the next one.
        case skipped
        /// The source could not be read (timeout, nonzero exit, unexpected output): nothing is known from it.
        case failed
    }

    public var source: TimeSource
    public var outcome: Outcome
    /// Why it was skipped or failed ("systemd is not PID 1", "chronyd is not running").
    public var reason: String?
    /// The commands and files read, as cited in the report (`chronyc -c tracking`, a captured file's path).
    public var consulted: [String]
    public var status: TimeSyncStatus?

    public init(
        source: TimeSource, outcome: Outcome, reason: String? = nil, consulted: [String] = [], status: TimeSyncStatus? = nil
    ) {
        self.source = source
        self.outcome = outcome
        self.reason = reason
        self.consulted = consulted
        self.status = status
    }

    public static func used(_ source: TimeSource, _ status: TimeSyncStatus, consulted: [String]) -> TimeSourceAttempt {
        TimeSourceAttempt(source: source, outcome: .used, consulted: consulted, status: status)
    }

    public static func skipped(_ source: TimeSource, _ reason: String, consulted: [String] = []) -> TimeSourceAttempt {
        TimeSourceAttempt(source: source, outcome: .skipped, reason: reason, consulted: consulted)
    }

    public static func failed(_ source: TimeSource, _ reason: String, consulted: [String] = []) -> TimeSourceAttempt {
        TimeSourceAttempt(source: source, outcome: .failed, reason: reason, consulted: consulted)
    }
}
