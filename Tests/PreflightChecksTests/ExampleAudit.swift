import Foundation
import PreflightChecks
import PreflightCollection
import PreflightEvaluation
import PreflightModel

/// The one way these tests turn manifest YAML and log lines into a verdict: the real manifest loader, the
/// log lines written to a real file and read by the real collector, then the real auditor.
enum ExampleAudit {
    /// The moment every example is judged at, so dated examples stay stable.
    static let now = Date(timeIntervalSince1970: 1_795_564_800)  // 2026-11-25T00:00:00Z

    /// `yaml` with `version` and a `bot` section added where it has none.
    static func manifest(_ yaml: String, path: String = "preflight.yml") throws -> Manifest {
        var text = yaml
        if !text.hasPrefix("bot:"), !text.contains("\nbot:") { text = "bot:\n  name: example\n  exchange: binance\n" + text }
        if !text.hasPrefix("version:") { text = "version: 1\n" + text }
        return try ManifestLoader.parse(text, path: path)
    }

    /// `lines` written to a scratch `bot.log` and read as the manifest says; or the files named in `paths`.
    static func logs(_ lines: String?, paths: [String]? = nil, manifest: Manifest) throws -> LogEvidence? {
        guard let lines else { return paths.flatMap { LogEvidenceCollector(inputs: $0).read(manifest) } }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bot.log").path
        try lines.write(toFile: path, atomically: true, encoding: .utf8)
        return LogEvidenceCollector(inputs: [path]).read(manifest)
    }

    /// The report item for `id`, judged on the manifest, the log lines and any other evidence given.
    static func item(
        _ id: String, manifest yaml: String, logs lines: String? = nil, logPaths: [String]? = nil, files: [FileFact] = [],
        host: HostClockEvidence? = nil, exchange: ExchangeEvidence? = nil
    ) throws -> ReportItem {
        let manifest = try manifest(yaml)
        let evidence = Evidence(
            collectedAt: now, manifest: manifest, files: files, host: host, exchange: exchange,
            logs: try logs(lines, paths: logPaths, manifest: manifest)
        )
        let report = Auditor(selection: Selection(only: [id], skip: [])).evaluate(evidence)
        guard let item = report.items.first else { throw CocoaError(.featureUnsupported) }
        return item
    }
}
