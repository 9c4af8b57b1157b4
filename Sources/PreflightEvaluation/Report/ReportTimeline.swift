import Foundation
import PreflightModel

/// What the HTML report's timelines draw: the bounded series of the drill's wire (the truth, when a
/// drill ran) or of the log samples, the lines to draw them against (the declared caps, half of
/// recvWindow, the retry floor) and the drill's phases to shade.
public struct ReportTimeline: Codable, Sendable, Equatable {
    public struct Phase: Codable, Sendable, Equatable {
        public var name: String
        public var faults: [String]
        public var startMs: Int64
        public var endMs: Int64
    }

    /// "drill wire" or "log samples".
    public var source: String
    public var series: LogTimeline
    /// After a drill: the bot's logs, for its heartbeats (the wire carries none).
    public var heartbeats: LogTimeline?
    public var privateCap: Int?
    public var publicCap: Int?
    /// Declared clock.recv_window_ms, else the largest the requests carried.
    public var recvWindowMs: Double?
    /// The share of recvWindow the clock offset may reach (policy offset_share_of_recv_window).
    public var offsetShare: Double
    /// The shortest wait before a retry after a 429 (policy backoff_floor_ms).
    public var retryFloorMs: Double
    public var phases: [Phase]

    enum CodingKeys: String, CodingKey {
        case source, series, heartbeats, privateCap = "private_cap", publicCap = "public_cap", recvWindowMs = "recv_window_ms",
             offsetShare = "offset_share", retryFloorMs = "retry_floor_ms", phases
    }

    /// nil when neither a drill nor log samples give a series with something in it.
    init?(_ evidence: Evidence, policy: Policy) {
        let drilled = evidence.drill?.wire.timeline.flatMap { $0.isEmpty ? nil : $0 }
        guard let series = drilled ?? evidence.logs?.timeline.flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        source = drilled == nil ? "log samples" : "drill wire"
        self.series = series
        heartbeats = drilled == nil ? nil : evidence.logs?.timeline
        let manifest = evidence.manifest
        privateCap = manifest.concurrency?.privateRequests?.value
        publicCap = manifest.concurrency?.publicRequests?.value
        recvWindowMs = manifest.clock?.recvWindowMs.map { Double($0.value) } ?? series.recvWindowMs
        offsetShare = policy[.offsetShareOfRecvWindow]
        retryFloorMs = policy[.backoffFloorMs]
        let started = evidence.drill.map { Int64(($0.startedAt.timeIntervalSince1970 * 1000).rounded()) }
        phases = drilled == nil ? [] : (evidence.drill?.phases ?? []).compactMap { phase in
            guard let started else { return nil }
            return Phase(name: phase.name, faults: phase.faults, startMs: started + Int64(phase.startSeconds * 1000),
                         endMs: started + Int64(phase.endSeconds * 1000))
        }
    }
}
