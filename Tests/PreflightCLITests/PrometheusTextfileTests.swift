import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `--format prometheus` read by a real node_exporter (Debian's prometheus-node-exporter) through its
/// textfile collector on 127.0.0.1: every series parses, carries its labels, and the collector reports
/// no scrape error.
@Suite("Prometheus textfile", .serialized)
struct PrometheusTextfileTests {
    static let exporter = "/usr/bin/prometheus-node-exporter"

    static func scrape(port: Int) async throws -> String {
        var lastError = ""
        for _ in 0..<50 {
            do {
                let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/metrics")!)
                return String(decoding: data, as: UTF8.self)
            } catch {
                lastError = "\(error)"
                try await Task.sleep(nanoseconds: 100_000_000)
            }
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "node_exporter did not answer: \(lastError)"])
    }

    @Test func nodeExporterServesTheAuditsMetrics() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.exporter), "needs node_exporter: apt-get install prometheus-node-exporter")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-prom-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let audit = try PreflightBinary.run([
            "audit", "--offline", "--manifest", "fixtures/bots/defective/preflight.yml", "--format", "text",
            "--report", "prometheus=\(folder)/preflight.prom",
        ])
        #expect(audit.status == 1, "\(audit.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(leftovers == ["preflight.prom"], "the write left a temporary file behind: \(leftovers)")

        let port = Int.random(in: 20_000...60_000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.exporter)
        process.arguments = [
            "--web.listen-address=127.0.0.1:\(port)", "--collector.disable-defaults", "--collector.textfile",
            "--collector.textfile.directory=\(folder)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let metrics = try await Self.scrape(port: port)

        #expect(metrics.contains("node_textfile_scrape_error 0"), "\(metrics.prefix(2000))")
        let items = metrics.split(separator: "\n").filter { $0.hasPrefix("preflight_item_status{") }
        #expect(items.count == 25, "\(items.count) item series")
        #expect(items.contains { $0.contains(#"item="A1""#) && $0.contains(#"status="fail""#) && $0.contains(#"severity="critical""#) })
        let score = try #require(metrics.split(separator: "\n").first { $0.hasPrefix("preflight_score{") })
        #expect(Double(score.split(separator: " ").last ?? "") != nil, "\(score)")
        #expect(metrics.contains(#"preflight_gate_passed{bot="#))
        #expect(metrics.contains("preflight_run_timestamp_seconds{"))
    }
}
