import Foundation
import PreflightModel

/// The text exposition format (version 0.0.4) for node_exporter's textfile collector: the score, the
/// coverage, the gate, one series per item with its status and severity as labels, and the run's time.
/// Every series carries the bot and exchange, so one textfile directory can hold several bots' files.
public struct PrometheusReporter: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        let bot = [("bot", report.bot.name), ("exchange", report.bot.exchange)]
        var lines: [String] = []
        func metric(_ name: String, _ help: String, _ samples: [(labels: [(String, String)], value: Double)]) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) gauge")
            for sample in samples { lines.append("\(name)\(Self.labels(bot + sample.labels)) \(Self.number(sample.value))") }
        }
        if let score = report.score {
            metric("preflight_score", "Readiness score of the bot, 0 to 100 (nothing evaluated: no sample).", [([], score)])
        }
        metric("preflight_coverage_ratio", "Share of the checklist's items that were evaluated.",
               [([], report.coverage.total == 0 ? 0 : Double(report.coverage.evaluated) / Double(report.coverage.total))])
        metric("preflight_gate_passed", "1 when the CI gate passed, 0 when it failed.", [([("fail_on", report.gate.failOn.rawValue)], report.gate.passed ? 1 : 0)])
        metric("preflight_item_status", "One series per checklist item, 1, labelled with its current status and severity.",
               report.items.map { item in
                   ([("item", item.id), ("name", item.name), ("section", item.section), ("severity", item.severity.rawValue),
                     ("status", item.status.rawValue), ("suppressed", item.suppressed ? "true" : "false"), ("basis", item.basis.rawValue)], 1)
               })
        metric("preflight_items", "Checklist items by status.", Status.allCases.map { status in
            ([("status", status.rawValue)], Double(report.items.filter { $0.status == status }.count))
        })
        if let time = Self.seconds(report.generatedAt) {
            metric("preflight_run_timestamp_seconds", "When the report was made, seconds since the epoch.", [([], time)])
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{a="x",b="y"}` with the format's escapes (backslash, double quote, line feed).
    static func labels(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        let body = pairs.map { name, value in
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            return "\(name)=\"\(escaped)\""
        }
        return "{" + body.joined(separator: ",") + "}"
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func seconds(_ timestamp: String) -> Double? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: timestamp) { return date.timeIntervalSince1970 }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: timestamp)?.timeIntervalSince1970
    }
}
