/// What the bot's log samples show: the scan (what was read, what was broken) and the facts each
/// log-based item needs, derived while streaming. Facts hold measurements and up to five file:line
/// examples; the checks apply the thresholds.
public struct LogEvidence: Codable, Sendable, Equatable {
    public var scan: LogScan
    /// A4, A6, B1, E1, E3: signed-request timestamps, clock offsets, in-flight counts, request fields.
    public var requests: RequestLogFacts
    /// B2, B3, B4, C1, C2, C3, C4: retry chains, their delays and what triggered them.
    public var retries: RetryLogFacts
    /// B5, D3, D4, E2: reconnects, sequence gaps, resyncs, disconnect fields.
    public var streams: StreamLogFacts
    /// C5, D1, D2, D5, E4: breakers, restarts and reconciliation, client order ids, kill switch, heartbeats.
    public var lifecycle: LifecycleLogFacts
    /// What happened over time, bounded, for the report's timelines; nil in bundles written before it.
    public var timeline: LogTimeline?

    public init(scan: LogScan, requests: RequestLogFacts = RequestLogFacts(), retries: RetryLogFacts = RetryLogFacts(),
                streams: StreamLogFacts = StreamLogFacts(), lifecycle: LifecycleLogFacts = LifecycleLogFacts(),
                timeline: LogTimeline? = nil) {
        self.scan = scan
        self.requests = requests
        self.retries = retries
        self.streams = streams
        self.lifecycle = lifecycle
        self.timeline = timeline
    }

    /// Nothing usable was read: every input was unreadable, or no line became an event.
    public var isEmpty: Bool { scan.events == 0 }
}
