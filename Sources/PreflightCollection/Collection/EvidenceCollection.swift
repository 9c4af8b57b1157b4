import Foundation
import PreflightModel

/// `preflight collect` (and the first half of `audit`): loads the manifest, then runs every collector it was
/// given. The probes go out while the local collectors read files and wait for commands on threads of their own.
public struct EvidenceCollection: Sendable {
    public var manifestPath: String
    public var now: Date
    /// nil: host evidence is not collected (A5 stays unknown).
    public var host: HostClockCollector?
    /// nil: offline, no network call at all (the items that need the exchange stay unknown).
    public var exchange: ExchangeCollector?
    /// Set when `manifestPath` is a framework's own config rather than a preflight manifest.
    public var framework: FrameworkSource?
    public var logs = LogEvidenceCollector()
    public var files = FileEvidenceCollector()

    public init(manifestPath: String, now: Date, host: HostClockCollector? = nil, exchange: ExchangeCollector? = nil) {
        self.manifestPath = manifestPath
        self.now = now
        self.host = host
        self.exchange = exchange
    }

    /// Throws `ManifestError` when the manifest cannot be used (exit 2). Collectors never throw: they record.
    public func collect() async throws -> Evidence {
        let manifest = try framework?.manifest(configPath: manifestPath) ?? ManifestLoader.load(path: manifestPath)
        async let probed = exchange?.collect(for: manifest)
        async let hostClock = host?.collect(for: manifest)
        async let logEvidence = logs.collect(for: manifest)
        let documents = await files.collect(for: manifest)
        return Evidence(
            collectedAt: now, manifest: manifest, files: documents, host: await hostClock, exchange: await probed,
            logs: await logEvidence
        )
    }
}
