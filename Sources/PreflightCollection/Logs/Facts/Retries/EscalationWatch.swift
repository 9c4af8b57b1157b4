import PreflightModel

/// Failures that owe an escalation (an escalation, kill_switch or opening circuit_breaker record) within the
/// window: auth failures (C1) and platform failures that ended a retry chain (C3). Kept in reading order, so
/// that deadlines are checked from the front as log time moves on; bounded.
struct EscalationWatch {
    /// How long after a failure an escalation record may come.
    static let windowNanoseconds: Int64 = 60_000_000_000
    static let limit = 4096

    struct Awaiting {
        var serial: UInt64
        var failure: RequestFailureClass
        var time: LogInstant
        var position: LogPosition
        var response: String
        var endpoint: String?

        /// What the report says of a failure no escalation followed.
        var missedDetail: String {
            "\(response)\(endpoint.map { " on \($0)" } ?? ""), no escalation, kill_switch or circuit_breaker record within \(EscalationWatch.windowNanoseconds / 1_000_000_000) s"
        }
    }

    private var awaiting: [Awaiting] = []
    private var head = 0
    private(set) var escalations = 0

    var isWaiting: Bool { head < awaiting.count }

    /// false when the watch is full: the failure cannot be followed and counts as undecided.
    mutating func await(_ entry: Awaiting) -> Bool {
        guard awaiting.count - head < Self.limit else { return false }
        awaiting.append(entry)
        return true
    }

    mutating func cancel(_ serial: UInt64) {
        guard let index = awaiting[head...].lastIndex(where: { $0.serial == serial }) else { return }
        awaiting.remove(at: index)
    }

    /// An escalation record at `time` answers every failure before it; returns how many of those were platform failures.
    mutating func escalate(at time: LogInstant) -> Int {
        escalations += 1
        var kept: [Awaiting] = []
        var platform = 0
        for entry in awaiting[head...] {
            if entry.time <= time {
                if entry.failure == .platform { platform += 1 }
            } else {
                kept.append(entry)
            }
        }
        awaiting = kept
        head = 0
        return platform
    }

    /// The failures whose window closed before `time` with no escalation.
    mutating func expire(before time: LogInstant) -> [Awaiting] {
        var missed: [Awaiting] = []
        while head < awaiting.count, awaiting[head].time.nanoseconds &+ Self.windowNanoseconds < time.nanoseconds {
            missed.append(awaiting[head])
            head += 1
        }
        if head > 1024 && head * 2 > awaiting.count {
            awaiting.removeFirst(head)
            head = 0
        }
        return missed
    }

    /// At the end of the logs: the failures whose window closed (missed) and those the logs end inside of (undecided).
    func finish(latest: LogInstant?) -> (missed: [Awaiting], undecided: [Awaiting]) {
        var missed: [Awaiting] = [], undecided: [Awaiting] = []
        for entry in awaiting[head...] {
            if let latest, entry.time.nanoseconds &+ Self.windowNanoseconds <= latest.nanoseconds {
                missed.append(entry)
            } else {
                undecided.append(entry)
            }
        }
        return (missed, undecided)
    }
}
