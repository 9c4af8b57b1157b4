import PreflightModel

/// Markdown for pull-request comments and CI step summaries: score and coverage, what fails and how
/// to fix it, and the rest folded away.
public struct MarkdownReporter: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        var out: [String] = []
        let verdict = report.gate.passed ? "✅ gate passed" : "❌ gate failed"
        out.append("## preflight: \(cell(report.bot.name)) on \(report.bot.exchange): \(verdict)")
        out.append("")
        let score = report.score.map { "\(NumberText.short($0))/100" } ?? "n/a"
        out.append("**Score \(score)** · evaluated \(report.coverage.evaluated) of \(report.coverage.total) items · "
            + Status.allCases.map { "\(report.counts[$0.rawValue] ?? 0) \($0.label.lowercased())" }.joined(separator: " · "))
        out.append("")
        out.append("Gate: \(report.gate.terms).")
        if !report.gate.passed {
            out.append("")
            out += report.gate.reasons.map { "- \(cell($0))" }
        }

        let attention = report.items.filter { [.fail, .error, .warn].contains($0.status) }.sorted { ($0.status, $0.id) < ($1.status, $1.id) }
        if !attention.isEmpty {
            out.append("")
            out.append("### Needs attention")
            out.append("")
            out.append("| | item | severity | finding |")
            out.append("|---|---|---|---|")
            for item in attention {
                var note = cell(item.summary)
                if item.suppressed { note += " *(suppressed)*" }
                if item.baseline == .unchanged { note += " *(in baseline)*" }
                out.append("| \(icon(item.status)) | **\(item.id)** \(item.name) | \(item.severity.rawValue) | \(note) |")
            }
            out.append("")
            for item in attention {
                out.append("<details><summary><b>\(item.id)</b> \(html(item.name)): how to fix</summary>")
                out.append("")
                if let fix = item.remediation { out.append(cell(fix)) }
                let places = item.evidence.compactMap(\.location).prefix(5)
                if !places.isEmpty {
                    out.append("")
                    out += places.map { "- `\($0)`" }
                }
                out.append("")
                out.append("</details>")
            }
        }

        let unknown = report.items.filter { $0.status == .unknown }
        if !unknown.isEmpty {
            out.append("")
            out.append("<details><summary>\(unknown.count) not evaluated (unknown)</summary>")
            out.append("")
            out += unknown.map { "- **\($0.id)** \($0.name): \(cell($0.summary))" }
            out.append("")
            out.append("</details>")
        }
        let passed = report.items.filter { $0.status == .pass || $0.status == .notApplicable }
        if !passed.isEmpty {
            out.append("")
            out.append("<details><summary>\(passed.count) passed or not applicable</summary>")
            out.append("")
            out += passed.map { "- \(icon($0.status)) **\($0.id)** \($0.name): \(cell($0.summary))" + ($0.basis == .declared ? " *(declared)*" : "") }
            out.append("")
            out.append("</details>")
        }
        if let logs = report.logSamples, !logs.sources.isEmpty {
            out.append("")
            out.append("<details><summary>log samples: \(logs.sources.count) source\(logs.sources.count == 1 ? "" : "s"), \(logs.lines) lines, \(logs.events) events</summary>")
            out.append("")
            out += logs.sources.map { "- " + cell(TextReporter.describe($0)) }
            out.append("")
            out.append("</details>")
        }
        out.append("")
        out.append("<sub>preflight \(report.tool.version) · checklist \(report.tool.checklistVersion) · \(report.generatedAt)</sub>")
        return out.joined(separator: "\n") + "\n"
    }

    private func icon(_ status: Status) -> String {
        switch status {
        case .fail: "❌"
        case .error: "💥"
        case .warn: "⚠️"
        case .pass: "✅"
        case .unknown: "❔"
        case .notApplicable: "➖"
        }
    }

    /// Text inside a table cell or list item: no pipes or line breaks, no stray HTML.
    private func cell(_ text: String) -> String {
        html(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
