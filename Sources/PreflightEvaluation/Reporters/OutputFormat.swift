import PreflightSupport
/// The report formats `--format` and `--report FORMAT=FILE` accept.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case sarif
    case junit
    case markdown
    case prometheus
    case html

    public func render(_ report: Report, style: TextStyle) throws -> String {
        switch self {
        case .text: TextReporter(style: style).render(report)
        case .json: try JSONReporter().render(report)
        case .sarif: try SARIFReporter().render(report)
        case .junit: JUnitReporter().render(report)
        case .markdown: MarkdownReporter().render(report)
        case .prometheus: PrometheusReporter().render(report)
        case .html: HTMLReporter().render(report)
        }
    }
}

/// One `--report FORMAT=FILE` request.
public struct ReportDestination: Sendable, Equatable {
    public var format: OutputFormat
    public var path: String

    public init(format: OutputFormat, path: String) {
        self.format = format
        self.path = path
    }

    public init(parsing text: String) throws {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let names = OutputFormat.allCases.map(\.rawValue)
        guard parts.count == 2, !parts[1].isEmpty else {
            throw InputError("--report expects FORMAT=FILE (FORMAT: \(names.joined(separator: ", "))), got '\(text)'")
        }
        guard let format = OutputFormat(rawValue: parts[0].lowercased()) else {
            throw InputError("--report: unknown format '\(parts[0])'\(Suggestion.hint(for: parts[0], in: names))")
        }
        self.init(format: format, path: parts[1])
    }
}
