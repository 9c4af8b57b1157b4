import Foundation
import PreflightModel

/// `preflight audit`: collect evidence from the manifest and the files it names, then evaluate it.
public struct Audit: Sendable {
    public var manifestPath: String
    public var now: Date

    public init(manifestPath: String, now: Date) {
        self.manifestPath = manifestPath
        self.now = now
    }

    /// Throws `ManifestError` when the manifest cannot be used (exit 2). Collectors never throw: they record.
    public func collect() throws -> Evidence {
        let manifest = try ManifestLoader.load(path: manifestPath)
        let files = FileEvidenceCollector().collect(for: manifest)
        return Evidence(collectedAt: now, manifest: manifest, files: files)
    }
}
