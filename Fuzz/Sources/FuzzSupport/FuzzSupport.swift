import Foundation
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport
import PreflightModel

/// What the fuzz targets share: the input as text, a manifest to judge by, and the pipeline from events to a
/// rendered report. Each target feeds its parser arbitrary bytes; a crash, trap or hang is the finding.
public enum Fuzz {
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> Data {
        Data(bytes: data, count: size)
    }

    /// A manifest with every section, so that the checks run their full rules on whatever the logs show.
    public static let manifest: Manifest = {
        let yaml = """
            version: 1
            bot: {name: fuzz, exchange: binance}
            credentials: {api_key_env: K, api_secret_env: S, ip_allowlist: [203.0.113.10/32]}
            clock: {recv_window_ms: 5000, offset_alert_ms: 1000, logs_offset: true}
            concurrency: {private: 2, public: 4}
            retry: {max_attempts: 3, respect_retry_after: true, backoff: {kind: exponential, base_ms: 1000, max_ms: 16000, jitter: full}}
            errors: {auth: halt, rate_limit: backoff, platform: retry_then_escalate, validation: drop}
            orders: {client_order_ids: true, reuse_id_on_retry: true, on_unknown_outcome: query_status}
            streams: {sequence_tracking: true, on_gap: resync, resync: {mode: snapshot, max_items: 1000, max_duration_s: 10}}
            monitoring: {heartbeat_interval_s: 30}
            """
        return try! ManifestLoader.parse(yaml, path: "fuzz.yml")
    }()

    /// Reads `data` as a log through the real reader (from a pipe, the way `--logs -` reads) and derives every
    /// fact. Inputs must stay under the pipe's buffer (64 KiB): run with -max_len.
    public static func readLog(_ data: UnsafePointer<UInt8>, _ size: Int, format: LogsSection.Format) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { return }
        defer { close(descriptors[0]) }
        var written = 0
        while written < size {
            let count = write(descriptors[1], data + written, size - written)
            if count <= 0 { break }
            written += count
        }
        close(descriptors[1])
        // Small chunks and lines (inputs are under 64 KiB anyway): a reader's full buffers cost more to allocate
        // under the address sanitizer than the parse itself.
        var reader = LogReader(format: format, maxLineBytes: 16 << 10, chunkBytes: 4 << 10, parallelism: 0)
        reader.standardInputDescriptor = descriptors[0]
        var sources = LogSources()
        sources.inputs = [.standardInput]
        var collector = LogFactsCollector(context: LogFactsContext(exchange: .binance, policy: manifest.effectivePolicy, manifest: manifest))
        let scan = reader.read(sources, into: &collector)
        // The facts are where log values meet arithmetic; the checks and reporters take arbitrary facts in the
        // bundle target, at a hundred times the speed of reading a log first.
        _ = collector.finish(scan: scan)
    }

    /// Evaluates the evidence and renders the report in every format.
    public static func report(
        _ evidence: Evidence, formats: [OutputFormat] = OutputFormat.allCases, auditor: Auditor = Auditor()
    ) {
        let report = auditor.evaluate(evidence)
        for format in formats { _ = try? format.render(report, style: TextStyle(colour: false)) }
    }
}
