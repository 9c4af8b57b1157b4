import Foundation

/// The state of the bot host's clock synchronisation, as the host collector read it.
///
/// Sources are listed in order of preference; the first one that was `used` decides A5.
public struct HostClockEvidence: Codable, Sendable, Equatable {
    /// Where the evidence was read: live on a named host, or from a folder of captured command outputs.
    public enum Origin: Codable, Sendable, Equatable, CustomStringConvertible {
        case live(host: String)
        case captured(folder: String)

        public var description: String {
            switch self {
            case .live(let host): "live on host \(host)"
            case .captured(let folder): "captured outputs in \(folder)"
            }
        }
    }

    public var origin: Origin
    /// When the sources were read (for captures: the capture's own `date.txt`), so ages are relative to it.
    public var observedAt: Date?
    /// timesyncd, chrony, ntpd, kernel: what each gave, in this order.
    public var sources: [TimeSourceAttempt]
    public var kernel: KernelClockView?
    /// Seconds since `/run/systemd/timesync/synchronized` was last touched (timesyncd touches it on each sync).
    public var timesyncMarkerAgeSeconds: Double?
    /// Remarks that do not belong to one source (e.g. the capture time was not recorded).
    public var notes: [String]

    public init(
        origin: Origin, observedAt: Date?, sources: [TimeSourceAttempt], kernel: KernelClockView? = nil,
        timesyncMarkerAgeSeconds: Double? = nil, notes: [String] = []
    ) {
        self.origin = origin
        self.observedAt = observedAt
        self.sources = sources
        self.kernel = kernel
        self.timesyncMarkerAgeSeconds = timesyncMarkerAgeSeconds
        self.notes = notes
    }

    /// The first sync daemon that answered: its facts decide A5.
    public var deciding: TimeSourceAttempt? {
        sources.first { $0.source != .kernel && $0.outcome == .used }
    }

    public func attempt(_ source: TimeSource) -> TimeSourceAttempt? { sources.first { $0.source == source } }
}
