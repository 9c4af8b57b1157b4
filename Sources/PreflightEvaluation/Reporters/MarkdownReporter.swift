import PreflightModel

/// Markdown for pull-request comments and CI step summaries: score and coverage, what fails and how
/// to fix it, and the rest folded away.
public struct MarkdownReporter: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = header(report)
        let attention = report.items.filter { [.fail, .error, .warn].contains($0.status) }.sorted { ($0.status, $0.id) < ($1.status, $1.id) }
        if !attention.isEmpty { out += needsAttention(attention) }
        let unknown = report.items.filter { $0.status == .unknown }
        if !unknown.isEmpty {
            out += folded("\(unknown.count) not evaluated (unknown)", unknown.map { "- **\($0.id)** \($0.name): \(cell($0.summary))" })
        }
        let passed = report.items.filter { $0.status == .pass || $0.status == .notApplicable }
        if !passed.isEmpty {
            out += folded(
                "\(passed.count) passed or not applicable",
                passed.map { "- \(icon($0.status)) **\($0.id)** \($0.name): \(cell($0.summary))" + ($0.basis == .declared ? " *(declared)*" : "") }
            )
        }
        if let logs = report.logSamples, !logs.sources.isEmpty {
            out += folded(
                "log samples: \(logs.sources.count) source\(logs.sources.count == 1 ? "" : "s"), \(logs.lines) lines, \(logs.events) events",
                logs.sources.map { "- " + cell(TextReporter.describe($0)) }
            )
        }
        if let drill = report.drill {
            out += folded(drill.headline, ["| phase | faults | requests | signed | orders | shaped by the fault | verdicts |", "|---|---|---|---|---|---|---|"]
                + drill.phases.map { phase in
                    let shaped = phase.faults.isEmpty ? "" : (phase.exercised ? "\(phase.injected)" : "never exercised")
                    return "| \(cell(phase.label)) | \(cell(phase.faults.joined(separator: ", "))) | \(phase.requests) | \(phase.signedRequests) | \(phase.orderPlacements) | \(shaped) | \(phase.verdicts.joined(separator: ", ")) |"
                } + (drill.notes.isEmpty ? [] : [""] + drill.notes.map { "- " + cell($0) }))
        }
        out.append("")
        out.append("<sub>preflight \(report.tool.version) · checklist \(report.tool.checklistVersion) · \(report.generatedAt)</sub>")
        return out.joined(separator: "\n") + "\n"
    }

    /// The title with the gate's verdict, the score and counts, and the gate's terms (with its reasons when it failed).
    private func header(_ report: Report) -> [String] {
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
        return out
    }

    /// The failing and warning items as a table, then each one's fix and places, folded.
    private func needsAttention(_ attention: [ReportItem]) -> [String] {
        var out = ["", "### Needs attention", "", "| | item | severity | finding |", "|---|---|---|---|"]
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
        return out
    }

    /// A `<details>` block, preceded by a blank line, whose summary is `summary` and whose body is `lines`.
    private func folded(_ summary: String, _ lines: [String]) -> [String] {
        ["", "<details><summary>\(summary)</summary>", ""] + lines + ["", "</details>"]
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
