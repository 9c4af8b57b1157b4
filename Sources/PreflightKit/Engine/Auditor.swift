import Foundation
import PreflightChecks
import PreflightModel

/// Turns evidence into a report: runs the selected checks, applies suppressions, scores, and decides the gate.
/// Pure: the same evidence and options give the same report.
public struct Auditor: Sendable {
    public var selection: Selection
    public var gate: GateOptions

    public init(selection: Selection = .all, gate: GateOptions = GateOptions()) {
        self.selection = selection
        self.gate = gate
    }

    public func evaluate(_ evidence: Evidence) -> Report {
        let manifest = evidence.manifest
        let policy = Policy(overrides: manifest.policy?.thresholds.mapValues(\.value) ?? [:])
        let today = evidence.collectedAt
        var matched: Set<Int> = []
        var items: [ReportItem] = []
        for check in Catalog.checks where selection.includes(check.item.id) {
            let finding = check.evaluate(evidence, policy: policy)
            var suppressionState: ReportItem.SuppressionState?
            if finding.status != .pass && finding.status != .notApplicable,
               let index = manifest.suppressions.firstIndex(where: { $0.check.value == check.item.id }) {
                matched.insert(index)
                let suppression = manifest.suppressions[index]
                let expired = suppression.expires.map { $0.value.days(until: today) > 0 } ?? false
                suppressionState = .init(
                    reason: suppression.reason.value, owner: suppression.owner?.value,
                    expires: suppression.expires?.value.description, expired: expired, location: suppression.check.location
                )
            }
            items.append(ReportItem(item: check.item, finding: finding, suppression: suppressionState))
        }
        let stale = manifest.suppressions.enumerated()
            .filter { !matched.contains($0.offset) && selection.includes($0.element.check.value) }
            .map(\.element.check.location)

        let score = Scoring.score(items)
        let coverage = Scoring.coverage(items)
        return Report(
            schemaVersion: Report.schemaVersion,
            tool: .init(name: ToolInfo.name, version: ToolInfo.version, checklistVersion: ToolInfo.checklistVersion),
            bot: .init(name: manifest.bot.name.value, exchange: manifest.bot.exchange.value.rawValue, manifest: manifest.path),
            generatedAt: Timestamp.iso8601(evidence.collectedAt),
            score: score,
            coverage: coverage,
            counts: Dictionary(uniqueKeysWithValues: Status.allCases.map { status in (status.rawValue, items.filter { $0.status == status }.count) }),
            gate: decide(items: items, score: score, coverage: coverage),
            items: items,
            staleSuppressions: stale
        )
    }

    func decide(items: [ReportItem], score: Double?, coverage: Report.Coverage) -> Report.Gate {
        var reasons: [String] = []
        for item in items where !item.suppressed && gate.trips(item.status) {
            reasons.append("\(item.id) \(item.name) is \(item.status.rawValue)")
        }
        if let minimum = gate.minScore {
            if let score {
                if score < minimum { reasons.append("score \(Format.number(score)) is under the minimum \(Format.number(minimum))") }
            } else {
                reasons.append("no item could be evaluated, so the score cannot reach the minimum \(Format.number(minimum))")
            }
        }
        if let minimum = gate.minCoverage, coverage.percent < minimum {
            reasons.append("coverage \(Format.number(coverage.percent))% (\(coverage.evaluated) of \(coverage.total)) is under the minimum \(Format.number(minimum))%")
        }
        return Report.Gate(passed: reasons.isEmpty, failOn: gate.failOn, minScore: gate.minScore, minCoverage: gate.minCoverage, reasons: reasons)
    }
}

enum Format {
    /// 87.5 → "87.5", 90.0 → "90".
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

public enum Timestamp {
    public static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        return DayStamp(text)?.date
    }
}
