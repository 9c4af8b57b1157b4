import Foundation
import PreflightModel

/// Reads the log samples (from `--logs`, else the manifest's `logs.paths`, relative to the manifest's
/// folder) and derives every log-based fact in one streaming pass.
public struct LogEvidenceCollector: EvidenceCollector {
    /// Paths, globs, folders or `-`; nil to use the manifest's `logs.paths`.
    public var inputs: [String]?
    /// Told how far reading has come; nil says nothing.
    public var progress: (any ProgressSink)?

    public init(inputs: [String]? = nil, progress: (any ProgressSink)? = nil) {
        self.inputs = inputs
        self.progress = progress
    }

    /// nil when no log samples were named anywhere: the log-based items then say so. The reading runs on a
    /// thread of its own (it blocks while its parser threads work).
    public func collect(for manifest: Manifest) async -> LogEvidence? {
        await BlockingWork.run("preflight.logs") { read(manifest) }
    }

    /// The same, on the calling thread.
    public func read(_ manifest: Manifest) -> LogEvidence? {
        let base = (manifest.path as NSString).deletingLastPathComponent
        let specs: [String]
        let relativeTo: String?
        if let inputs, !inputs.isEmpty {
            specs = inputs
            relativeTo = nil
        } else if let paths = manifest.logs?.paths?.value, !paths.isEmpty {
            specs = paths
            relativeTo = base.isEmpty ? nil : base
        } else {
            return nil
        }
        let sources = LogSources.resolve(specs, relativeTo: relativeTo)
        let policy = manifest.effectivePolicy
        var collector = LogFactsCollector(context: LogFactsContext(exchange: manifest.bot.exchange.value, policy: policy, manifest: manifest))
        var reader = LogReader(manifest.logs)
        if let progress { reader.progress = { bytes, file in progress.update(fileBytes: bytes, file: file) } }
        let scan = reader.read(sources, into: &collector)
        progress?.finish()
        return collector.finish(scan: scan)
    }
}
