import PreflightModel

/// The terminal report: score and coverage on top, then each section with its failures first,
/// the evidence behind each verdict and the fix under each failure. Fits 80 columns.
public struct TextReporter: Sendable {
    public var style: TextStyle
    public var width: Int

    public init(style: TextStyle = TextStyle(colour: false), width: Int = 80) {
        self.style = style
        self.width = width
    }

    public func render(_ report: Report) -> String {
        var out: [String] = []
        out.append(style.bold("preflight \(report.tool.version)") + " · \(report.bot.name) on \(report.bot.exchange) · \(report.generatedAt)")
        out.append(style.dim("manifest: \(report.bot.manifest)"))
        let score = report.score.map { "\(NumberText.short($0))/100" } ?? "n/a"
        let gate = report.gate.passed ? style.paint("PASSED", "1;32") : style.paint("FAILED", "1;31")
        out.append("Score \(style.bold(score)) · evaluated \(report.coverage.evaluated) of \(report.coverage.total) items · gate \(gate)")
        let tally = Status.allCases.map { "\(report.counts[$0.rawValue] ?? 0) \($0.label.lowercased())" }
        out.append(style.dim(tally.joined(separator: " · ")))
        if let logs = report.logSamples { out += logLines(logs) }
        if let drill = report.drill { out += drillLines(drill) }

        for section in Section.allCases {
            let items = report.items.filter { $0.section == section.rawValue }
                .sorted { $0.status == $1.status ? $0.id < $1.id : $0.status < $1.status }
            guard !items.isEmpty else { continue }
            out.append("")
            out.append(style.bold("\(section.rawValue). \(section.title)"))
            for item in items { out.append(contentsOf: lines(for: item)) }
        }

        if !report.fixedSinceBaseline.isEmpty {
            out.append("")
            out.append(style.bold("Fixed since the baseline:"))
            for entry in report.fixedSinceBaseline {
                out += TextWrapper.wrap("\(entry.id) was \(entry.status.rawValue): \(entry.summary)", width: width, indent: "    ", firstIndent: "  ")
            }
        }
        if !report.staleSuppressions.isEmpty {
            out.append("")
            out.append(style.bold("Stale suppressions") + " (they match no finding; remove them):")
            for location in report.staleSuppressions { out.append("  \(location)") }
        }
        out.append("")
        let terms = report.gate.terms
        if report.gate.passed {
            out.append("Gate passed (\(terms)).")
        } else {
            out.append(style.bold("Gate failed") + " (\(terms)):")
            for reason in report.gate.reasons { out.append(contentsOf: TextWrapper.wrap(reason, width: width, indent: "    ", firstIndent: "  - ")) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func drillLines(_ drill: DrillSummary) -> [String] {
        var out = TextWrapper.wrap(drill.headline, width: width, indent: "  ")
        for line in drill.phaseLines { out += TextWrapper.wrap(line, width: width, indent: "      ", firstIndent: "  · ") }
        for note in drill.notes { out += TextWrapper.wrap(note, width: width, indent: "    ", firstIndent: "  - ") }
        return out.map(style.dim)
    }

    private func logLines(_ logs: LogSampleSummary) -> [String] {
        var out: [String] = []
        let fileCount = logs.files.count == 1 ? "1 file" : "\(logs.files.count) files"
        out += TextWrapper.wrap("log samples: \(fileCount), \(logs.lines) lines, \(logs.events) events", width: width, indent: "  ")
        for source in logs.sources {
            out += TextWrapper.wrap(Self.describe(source), width: width, indent: "    ", firstIndent: "  · ")
        }
        for unreadable in logs.unreadable {
            out += TextWrapper.wrap("cannot read \(unreadable.path): \(unreadable.reason)", width: width, indent: "    ", firstIndent: "  " + style.paint("! ", "1;31"))
        }
        for bad in logs.badInput {
            let example = bad.samples.first.map { ", e.g. \($0)" } ?? ""
            out += TextWrapper.wrap("\(bad.count) \(bad.kind.rawValue.replacingOccurrences(of: "_", with: " "))\(example)", width: width, indent: "    ", firstIndent: "  - ")
        }
        if let name = logs.unknownEventNames.first {
            out += TextWrapper.wrap("most frequent unknown event '\(name.name)' (\(name.count)×): map it under logs.events if it is one of preflight's kinds", width: width, indent: "    ", firstIndent: "  - ")
        }
        return out
    }

    /// "app.jsonl: 1200 lines, 1180 events; records every request".
    static func describe(_ source: LogSampleSummary.Source) -> String {
        var parts = ["\(source.lines) lines", "\(source.events) events"]
        if source.reading != .structured {
            parts.append("\(source.narrativeLines) narrative")
            parts.append("\(source.unrecognisedLines) not recognised (\(source.understoodPercent)% understood)")
        }
        if source.badLines > 0 { parts.append("\(source.badLines) bad") }
        let reading = source.reading == .structured ? "" : " (\(source.reading.rawValue.replacingOccurrences(of: "_", with: " ")))"
        var text = "\(source.file)\(reading): " + parts.joined(separator: ", ")
        switch source.requestLog {
        case .complete: text += "; records every request"
        case .noRequests: text += "; no request records"
        case .failuresOnly, .frameworkText: text += "; does not record every request: \(source.requestLogShortfall ?? "")"
        }
        if let sample = source.unrecognisedSamples.first { text += "; e.g. not recognised: \(sample)" }
        return text
    }

    private func lines(for item: ReportItem) -> [String] {
        let pad = "         "
        var out: [String] = []
        var heading = "  \(style.label(item.status)) \(item.id) \(item.name) · \(item.severity.rawValue)"
        if item.basis == .declared, item.status.isEvaluated { heading += style.dim(" · declared") }
        if item.baseline == .new { heading += style.paint(" · new", "1") }
        if item.baseline == .unchanged { heading += style.dim(" · in baseline") }
        if let suppression = item.suppression {
            heading += suppression.expired ? style.paint(" · suppression expired", "33") : style.dim(" · suppressed")
        }
        out.append(heading)
        out += TextWrapper.wrap(item.summary, width: width, indent: pad)
        guard item.status != .pass && item.status != .notApplicable else { return out }
        for detail in item.details { out += TextWrapper.wrap(detail, width: width, indent: pad + "  ", firstIndent: pad + "- ") }
        if let measured = item.measured, let expected = item.expected {
            out += TextWrapper.wrap("measured \(measured); expected \(expected)", width: width, indent: pad + "  ", firstIndent: pad)
        }
        for evidence in item.evidence.prefix(5) {
            let place = evidence.location.map { "\($0)" } ?? evidence.detail
            out += TextWrapper.wrap(place, width: width, indent: pad + "    ", firstIndent: pad + style.dim("at "))
        }
        if let suppression = item.suppression {
            let owner = suppression.owner.map { " (\($0))" } ?? ""
            let until = suppression.expires.map { suppression.expired ? ", expired \($0)" : " until \($0)" } ?? ""
            out += TextWrapper.wrap("suppressed\(owner)\(until): \(suppression.reason)", width: width, indent: pad + "  ", firstIndent: pad)
        }
        if let fix = item.remediation {
            out += TextWrapper.wrap(fix, width: width, indent: pad + "     ", firstIndent: pad + style.bold("fix: "))
        }
        return out
    }
}
