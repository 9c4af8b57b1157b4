import PreflightModel

/// One self-contained HTML page: the headline (bot, score and coverage, the gate and its reasons, the
/// evidence used), the timelines of what the bot did (inline SVG on one time axis, drill phases shaded),
/// and the checklist by section, failures first, passes folded. Inline CSS, no script, nothing fetched.
public struct HTMLReporter: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        let title = "preflight: \(report.bot.name)"
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>\(Self.escape(title))</title>\n<style>\(HTMLStyle.css)</style>\n</head>\n<body>\n"
        page += headline(report)
        page += report.timeline.map { HTMLTimelines($0).render() } ?? "<section id=\"timelines\"><h2>Timelines</h2><p class=\"empty\">No log samples or drill: nothing to draw over time.</p></section>\n"
        page += checklist(report)
        page += "<footer>\(Self.escape(report.tool.name)) \(Self.escape(report.tool.version)), checklist \(Self.escape(report.tool.checklistVersion)), report schema \(Self.escape(report.schemaVersion))</footer>\n"
        return page + "</body>\n</html>\n"
    }

    static func escape(_ text: String) -> String { XMLText.escape(text) }

    private func headline(_ report: Report) -> String {
        let score = report.score.map { NumberText.short($0) } ?? "n/a"
        let gate = report.gate.passed ? "passed" : "failed"
        var html = "<header id=\"headline\">\n<h1>\(Self.escape(report.bot.name)) <span class=\"exchange\">\(Self.escape(report.bot.exchange))</span></h1>\n"
        html += "<p class=\"meta\">\(Self.escape(report.bot.manifest)) · \(Self.escape(report.generatedAt))</p>\n<div class=\"figures\">\n"
        html += "<div class=\"figure\"><span class=\"value\" id=\"score\">\(score)</span><span class=\"label\">score</span></div>\n"
        html += "<div class=\"figure\"><span class=\"value\" id=\"coverage\">\(report.coverage.evaluated)/\(report.coverage.total)</span><span class=\"label\">coverage (\(NumberText.short(report.coverage.percent))%)</span></div>\n"
        html += "<div class=\"figure gate \(gate)\"><span class=\"value\" id=\"gate\">\(gate)</span><span class=\"label\">gate (fail on \(report.gate.failOn.rawValue))</span></div>\n</div>\n"
        if !report.gate.reasons.isEmpty {
            html += "<ul class=\"reasons\">" + report.gate.reasons.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul>\n"
        }
        html += "<p class=\"sources\">Evidence: " + Self.escape(sources(report).joined(separator: "; ")) + "</p>\n</header>\n"
        return html
    }

    private func sources(_ report: Report) -> [String] {
        var used = Set(report.items.flatMap(\.sources).map(\.rawValue)).sorted()
        if let logs = report.logSamples { used.append("\(logs.sources.count) log file\(logs.sources.count == 1 ? "" : "s"), \(logs.events) events") }
        if let drill = report.drill { used.append("drill \(drill.scenario) (\(drill.wireRequests) requests on the wire)") }
        return used
    }

    private func checklist(_ report: Report) -> String {
        var html = "<section id=\"checklist\">\n<h2>Checklist</h2>\n"
        for section in Section.allCases {
            let items = report.items.filter { $0.section == section.rawValue }
            guard !items.isEmpty else { continue }
            let open = items.filter { $0.status != .pass && $0.status != .notApplicable }.sorted { Self.rank($0) < Self.rank($1) }
            let folded = items.filter { $0.status == .pass || $0.status == .notApplicable }
            html += "<h3>\(Self.escape(section.rawValue)). \(Self.escape(section.title))</h3>\n"
            if !open.isEmpty { html += table(open) }
            if !folded.isEmpty {
                html += "<details class=\"passed\"><summary>\(folded.count) passed or not applicable</summary>\n\(table(folded))</details>\n"
            }
        }
        return html + "</section>\n"
    }

    /// Failures and errors first, then warnings, unknowns; the more severe first within each.
    static func rank(_ item: ReportItem) -> Int {
        let status: Int = switch item.status {
        case .fail: 0
        case .error: 1
        case .warn: 2
        case .unknown: 3
        default: 4
        }
        return status * 10 + (Severity.allCases.firstIndex(of: item.severity) ?? 0)
    }

    private func table(_ items: [ReportItem]) -> String {
        var html = "<table class=\"items\">\n<thead><tr><th>Item</th><th>Status</th><th>Severity</th><th>Basis</th><th>Finding</th><th>Fix</th><th>Evidence</th></tr></thead>\n<tbody>\n"
        for item in items {
            let details = item.details.isEmpty ? "" : "<ul>" + item.details.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul>"
            let evidence = item.evidence.prefix(6).map { ref in
                "<li>\(Self.escape(ref.location?.description ?? ref.source.rawValue))<span class=\"what\"> \(Self.escape(ref.detail))</span></li>"
            }.joined()
            html += "<tr class=\"item \(item.status.rawValue)\" id=\"item-\(Self.escape(item.id))\" data-status=\"\(item.status.rawValue)\">"
            html += "<td class=\"id\">\(Self.escape(item.id))<br><span class=\"name\">\(Self.escape(item.name))</span></td>"
            html += "<td><span class=\"status \(item.status.rawValue)\">\(item.status.rawValue)\(item.suppressed ? " (suppressed)" : "")</span></td>"
            html += "<td>\(item.severity.rawValue)</td><td>\(Self.escape(basis(item)))</td>"
            html += "<td class=\"finding\">\(Self.escape(item.summary))\(details)</td>"
            html += "<td class=\"fix\">\(Self.escape(item.remediation ?? ""))</td><td class=\"evidence\"><ul>\(evidence)</ul></td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// declared, or the sources that observed it (logs, host, exchange, drill).
    private func basis(_ item: ReportItem) -> String {
        switch item.basis {
        case .declared: return "declared"
        case .none: return "none"
        case .observed:
            let observed = item.sources.filter { $0 != .manifest && $0 != .files }.map(\.rawValue)
            return observed.isEmpty ? "observed" : Array(Set(observed)).sorted().joined(separator: " / ")
        }
    }
}
