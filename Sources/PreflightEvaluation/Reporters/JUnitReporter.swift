import PreflightModel

/// JUnit XML: a test suite per checklist section, a test case per item. A failing item is a failure,
/// a broken collector an error, an unknown or not-applicable item skipped (with the reason).
public struct JUnitReporter: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        for section in Section.allCases {
            let items = report.items.filter { $0.section == section.rawValue }
            guard !items.isEmpty else { continue }
            var cases: [String] = []
            var counts = (failures: 0, errors: 0, skipped: 0)
            for item in items {
                let name = XMLText.escape("\(item.id) \(item.name)")
                let body = XMLText.escape(Self.body(item))
                let message = XMLText.escape(item.summary)
                var element = "    <testcase classname=\"preflight.\(section.rawValue)\" name=\"\(name)\" time=\"0\""
                switch Self.outcome(item, failOn: report.gate.failOn) {
                case .passed:
                    element += "/>"
                case .failure:
                    counts.failures += 1
                    element += ">\n      <failure type=\"\(item.status.rawValue)\" message=\"\(message)\">\(body)</failure>\n    </testcase>"
                case .error:
                    counts.errors += 1
                    element += ">\n      <error type=\"error\" message=\"\(message)\">\(body)</error>\n    </testcase>"
                case let .skipped(reason):
                    counts.skipped += 1
                    element += ">\n      <skipped message=\"\(XMLText.escape(reason))\"/>\n    </testcase>"
                }
                cases.append(element)
            }
            totals.tests += items.count
            totals.failures += counts.failures
            totals.errors += counts.errors
            totals.skipped += counts.skipped
            suites.append(
                "  <testsuite name=\"\(XMLText.escape("\(section.rawValue). \(section.title)"))\" tests=\"\(items.count)\" failures=\"\(counts.failures)\" errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\" timestamp=\"\(report.generatedAt)\">\n"
                    + cases.joined(separator: "\n") + "\n  </testsuite>"
            )
        }
        let head = "<testsuites name=\"preflight \(XMLText.escape(report.bot.name))\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\" skipped=\"\(totals.skipped)\">"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + head + "\n" + suites.joined(separator: "\n") + "\n</testsuites>\n"
    }

    enum Outcome: Equatable {
        case passed, failure, error
        case skipped(String)
    }

    static func outcome(_ item: ReportItem, failOn: GateOptions.FailLevel) -> Outcome {
        if item.suppressed { return .skipped("suppressed: \(item.suppression?.reason ?? "")") }
        switch item.status {
        case .pass: return .passed
        case .fail: return .failure
        case .error: return .error
        case .warn: return failOn == .warn ? .failure : .passed
        case .unknown: return .skipped("unknown: \(item.summary)")
        case .notApplicable: return .skipped("not applicable: \(item.summary)")
        }
    }

    static func body(_ item: ReportItem) -> String {
        var lines = [item.summary] + item.details.map { "- \($0)" }
        if let measured = item.measured, let expected = item.expected { lines.append("measured \(measured); expected \(expected)") }
        lines += item.evidence.prefix(5).map { "at \($0.location.map { "\($0)" } ?? $0.detail)" }
        if let fix = item.remediation { lines.append("fix: \(fix)") }
        return lines.joined(separator: "\n")
    }
}
