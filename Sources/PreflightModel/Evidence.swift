import Foundation

/// Everything the collectors gathered, as plain values. Checks read only this.
public struct Evidence: Codable, Sendable {
    /// The moment evaluation treats as "now" (key age, kill-switch exercise).
    public var collectedAt: Date
    public var manifest: Manifest
    public var files: [FileFact]
    /// The bot host's clock synchronisation; nil when host evidence was not collected.
    public var host: HostClockEvidence?
    /// The read-only exchange probes; nil when they were not run (`--offline`).
    public var exchange: ExchangeEvidence?
    /// The bot's log samples; nil when none were given.
    public var logs: LogEvidence?
    /// What a drill saw on the wire; nil unless `preflight drill` ran.
    public var drill: DrillEvidence?

    public init(
        collectedAt: Date, manifest: Manifest, files: [FileFact] = [], host: HostClockEvidence? = nil,
        exchange: ExchangeEvidence? = nil, logs: LogEvidence? = nil, drill: DrillEvidence? = nil
    ) {
        self.collectedAt = collectedAt
        self.manifest = manifest
        self.files = files
        self.host = host
        self.exchange = exchange
        self.logs = logs
        self.drill = drill
    }

    public func file(_ path: String) -> FileFact? { files.first { $0.path == path } }
}
