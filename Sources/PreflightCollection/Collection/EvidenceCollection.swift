import Foundation
import PreflightModel

/// `preflight audit`: collect evidence from the manifest and the files it names, then evaluate it.
public struct Audit: Sendable {
    public var manifestPath: String
    public var now: Date
    /// nil: host evidence is not collected (A5 stays unknown).
    public var host: HostCollection?
    /// nil: offline, no network call at all (the items that need the exchange stay unknown).
    public var exchange: ExchangeCollector?
    /// Set when `manifestPath` is a framework's own config rather than a preflight manifest.
    public var framework: FrameworkSource?
    public var logs = LogEvidenceCollector()

    public init(manifestPath: String, now: Date, host: HostCollection? = nil, exchange: ExchangeCollector? = nil) {
        self.manifestPath = manifestPath
        self.now = now
        self.host = host
        self.exchange = exchange
    }

    /// Throws `ManifestError` when the manifest cannot be used (exit 2). Collectors never throw: they record.
    public func collect() async throws -> Evidence {
        let manifest = try framework?.manifest(configPath: manifestPath) ?? ManifestLoader.load(path: manifestPath)
        // The probes go out while the local collectors read files and run commands.
        async let probed = exchange?.collect(manifest)
        let files = FileEvidenceCollector().collect(for: manifest)
        let hostClock = try host?.collect()
        let logEvidence = logs.collect(manifest)
        return Evidence(collectedAt: now, manifest: manifest, files: files, host: hostClock, exchange: await probed, logs: logEvidence)
    }
}
