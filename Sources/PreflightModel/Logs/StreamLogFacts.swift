/// What the log samples show of the bot's websocket streams: reconnects (B5), sequence gaps (D3),
/// resyncs (D4) and disconnect records (E2). Counts, worst values and up to five examples each.
public struct StreamLogFacts: Codable, Sendable, Equatable {
    /// A gap found in a stream's sequence numbers counts as logged by the bot when a `ws_gap` record
    /// for the same stream comes within this long of it (before or after).
    public static let gapMatchWindowMs: Double = 5_000

    // B5
    public var reconnectAttempts: Int
    /// A `ws_reconnect_attempt` while the same stream's previous attempt had no `ws_connect` or failure yet.
    public var overlappingReconnects: LogRecordTally
    /// Delays before each reconnect attempt, by attempt number, ascending.
    public var reconnectDelays: [ReconnectDelayStats]

    // D3
    public var sequencedMessages: Int
    /// `ws_message` records without the exchange's sequence fields.
    public var unsequencedMessages: LogRecordTally
    public var sequencedStreams: Int
    /// Snapshots, restarts (Bybit `u` 1), OKX maintenance resets and reconnects: a new start, not a gap.
    public var sequenceResets: Int
    public var gapsFound: Int
    public var gapsMatched: Int
    /// Gaps preflight found that no `ws_gap` record of the bot accounts for.
    public var unmatchedGaps: LogRecordTally
    public var gapRecords: Int

    // D4
    public var resyncs: Int
    public var fullResyncs: LogRecordTally
    public var largestResyncItems: LogMeasurement?
    public var longestResyncMs: LogMeasurement?
    /// Measured against the manifest's streams.resync bounds (none when undeclared).
    public var resyncsOverItemBound: LogRecordTally
    public var resyncsOverDurationBound: LogRecordTally

    // E2
    public var disconnects: Int
    public var disconnectsWithoutCloseCode: LogRecordTally
    public var disconnectsWithoutLastMessageAgo: LogRecordTally
    public var disconnectsWithoutUptime: LogRecordTally
    /// A stream reconnecting (a reconnect attempt, or a second ws_connect) while its connection had no
    /// ws_disconnect record: a disconnect the bot did not log.
    public var reconnectsWithoutDisconnect: LogRecordTally

    /// Streams seen beyond the tracking cap: their reconnects and sequences were not followed.
    public var untrackedStreams: Int

    public init() {
        reconnectAttempts = 0
        overlappingReconnects = LogRecordTally()
        reconnectDelays = []
        sequencedMessages = 0
        unsequencedMessages = LogRecordTally()
        sequencedStreams = 0
        sequenceResets = 0
        gapsFound = 0
        gapsMatched = 0
        unmatchedGaps = LogRecordTally()
        gapRecords = 0
        resyncs = 0
        fullResyncs = LogRecordTally()
        resyncsOverItemBound = LogRecordTally()
        resyncsOverDurationBound = LogRecordTally()
        disconnects = 0
        disconnectsWithoutCloseCode = LogRecordTally()
        disconnectsWithoutLastMessageAgo = LogRecordTally()
        disconnectsWithoutUptime = LogRecordTally()
        reconnectsWithoutDisconnect = LogRecordTally()
        untrackedStreams = 0
    }
}
