/// Websocket streams: reconnects, sequence tracking and resync.
public struct StreamsSection: Codable, Sendable {
    public enum GapAction: String, Codable, Sendable, CaseIterable, ManifestSpelling {
        case resync, halt, log, ignore
    }

    public enum ResyncMode: String, Codable, Sendable, CaseIterable, ManifestSpelling {
        /// Replays only the updates missed.
        case delta
        /// Fetches a depth-bounded snapshot, then applies buffered deltas.
        case snapshot
        /// Refetches all state (every order, trade and balance).
        case full
    }

    /// At most one reconnect per stream in progress at a time.
    public var reconnectSingleFlight: Located<Bool>?
    public var reconnectBackoff: Backoff?
    public var sequenceTracking: Located<Bool>?
    public var onGap: Located<GapAction>?
    public var resyncMode: Located<ResyncMode>?
    public var resyncMaxItems: Located<Int>?
    public var resyncMaxSeconds: Located<Int>?

    public init() {}
}
