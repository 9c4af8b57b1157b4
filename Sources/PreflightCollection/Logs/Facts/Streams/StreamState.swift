import PreflightModel

/// What the stream builder remembers of one stream between its records.
struct StreamState {
    struct PendingAttempt {
        var position: LogPosition
        var attempt: Int?
    }

    struct PendingGap {
        var time: LogInstant
        var position: LogPosition
        var detail: String
    }

    /// Gaps waiting for the bot's ws_gap record; more than this at once are judged unmatched at once.
    static let pendingGapLimit = 8

    // Reconnects
    /// The attempt that has had no ws_connect or failure record yet.
    var pendingAttempt: PendingAttempt?
    /// Where the next reconnect delay is measured from: the disconnect, or the previous attempt's end.
    var delayAnchor: LogInstant?
    var attemptsInEpisode = 0
    /// The ws_connect that opened the stream's current connection, while no ws_disconnect has followed it.
    var openedAt: LogPosition?

    // Sequence numbers
    var lastSequence: Int64?
    /// Coinbase: the connection-wide counter the stream's last message continued.
    var sharedCounter: SharedSequenceCounters.Handle?
    var sequenced = false
    var pendingGaps: [PendingGap] = []
    /// A ws_gap record that has not yet matched a gap (the bot may log it before the message).
    var unmatchedGapRecord: LogInstant?

    /// A new process of the bot: its streams connect afresh, so the last process's open connection, its
    /// reconnect in flight and its sequence end here (pending gaps are still judged).
    mutating func processStarted() {
        pendingAttempt = nil
        delayAnchor = nil
        attemptsInEpisode = 0
        openedAt = nil
        lastSequence = nil
    }
}
