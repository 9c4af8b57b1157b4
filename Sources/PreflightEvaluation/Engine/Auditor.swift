import Foundation
import PreflightChecks
import PreflightModel
import PreflightSupport

/// Turns evidence into a report: runs the selected checks, applies suppressions and the baseline, scores,
/// and decides the gate. Pure: the same evidence and options give the same report.
public struct Auditor: Sendable {
    public var options: EvaluationOptions

    public init(options: EvaluationOptions) {
        self.options = options
    }

    public init(selection: Selection = .all, gate: GateOptions = GateOptions()) {
        self.init(options: EvaluationOptions(selection: selection, gate: gate))
    }

    public func evaluate(_ evidence: Evidence) -> Report {
        let manifest = evidence.manifest
        let policy = manifest.effectivePolicy
        let suppressions = options.ignoreSuppressions ? [] : manifest.suppressions + options.extraSuppressions
        var matched: Set<Int> = []
        var items: [ReportItem] = []
        for check in Catalog.checks where options.selection.includes(check.item.id) {
            var finding: Finding
            if let logs = evidence.logs, let unreadable = Self.unreadableLogs(item: check.item, logs: logs) {
                finding = unreadable
            } else {
                finding = check.evaluate(evidence, policy: policy)
                if let logs = evidence.logs { finding = Self.markUnreadableLogs(finding, item: check.item, logs: logs) }
            }
            if options.requireObserved { finding = Self.demandObserved(finding, item: check.item) }
            var suppressionState: ReportItem.SuppressionState?
            if finding.status != .pass && finding.status != .notApplicable,
               let index = suppressions.firstIndex(where: { $0.check.value == check.item.id }) {
                matched.insert(index)
                suppressionState = Self.state(of: suppressions[index], now: evidence.collectedAt)
            }
            var item = ReportItem(item: check.item, finding: finding, suppression: suppressionState)
            if item.remediation != nil, let framework = manifest.derivedFrom,
               let advice = check.item.frameworkRemediation[framework] {
                item.remediation = advice
            }
            if let baseline = options.baseline, [.fail, .error, .warn].contains(item.status) {
                item.baseline = baseline.accepts(id: item.id, status: item.status) ? .unchanged : .new
            }
            items.append(item)
        }
        let stale = suppressions.enumerated()
            .filter { !matched.contains($0.offset) && options.selection.includes($0.element.check.value) }
            .map(\.element.check.location)
        let fixed = options.baseline.map { baseline in
            baseline.findings.filter { entry in
                guard let now = items.first(where: { $0.id == entry.id }) else { return false }
                return now.status == .pass || now.status == .notApplicable || (now.status.isEvaluated && entry.status < now.status)
            }
        } ?? []

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
            staleSuppressions: stale,
            fixedSinceBaseline: fixed,
            logSamples: evidence.logs.map { LogSampleSummary($0.scan) },
            drill: evidence.drill.map { DrillSummary($0, items: items) },
            timeline: ReportTimeline(evidence, policy: policy)
        )
    }

    static func state(of suppression: Suppression, now: Date) -> ReportItem.SuppressionState {
        let expired = suppression.expires.map { $0.value.days(until: now) > 0 } ?? false
        return .init(
            reason: suppression.reason.value, owner: suppression.owner?.value,
            expires: suppression.expires?.value.description, expired: expired, location: suppression.check.location
        )
    }

    /// Log samples were named but none could be read: every item that reads logs is an error naming the files,
    /// whatever else it could have judged. The one place this is decided; checks see only readable logs.
    static func unreadableLogs(item: CheckItem, logs: LogEvidence) -> Finding? {
        guard logs.isEmpty, let first = logs.scan.unreadable.first, item.evidenceSources.contains(.logs) else { return nil }
        let all = logs.scan.unreadable.map(\.description).joined(separator: "; ")
        return Finding(
            status: .error, summary: "log samples could not be read: \(all)",
            evidence: logs.scan.unreadable.prefix(5).map { EvidenceRef(.logs, at: SourceLocation(file: $0.path), $0.reason) },
            remediation: "Make the log samples readable (\(first.path): \(first.reason)) or name other files with --logs."
        )
    }

    /// A log sample that could not be read leaves every log-based item short of its evidence: unless the
    /// rest already shows a failure, the item is an `error` naming the path and the reason.
    static func markUnreadableLogs(_ finding: Finding, item: CheckItem, logs: LogEvidence) -> Finding {
        guard !logs.scan.unreadable.isEmpty, item.evidenceSources.contains(.logs),
              finding.status != .fail, finding.status != .error, finding.status != .notApplicable else { return finding }
        let first = logs.scan.unreadable[0]
        let more = logs.scan.unreadable.count > 1 ? " (and \(logs.scan.unreadable.count - 1) more)" : ""
        var broken = finding
        broken.status = .error
        broken.summary = "cannot read log sample \(first.path): \(first.reason)\(more)"
        broken.details = ["without it: \(finding.status.rawValue), \(finding.summary)"] + finding.details
        broken.evidence += logs.scan.unreadable.prefix(5).map { EvidenceRef(.logs, at: SourceLocation(file: $0.path), "unreadable: \($0.reason)") }
        broken.remediation = "Make \(first.path) readable by the user preflight runs as, or correct the path given with --logs or logs.paths."
        return broken
    }

    /// Under `--require-observed`, a pass that rests on the manifest alone is only a warn
    /// for an item that logs, the host or the exchange could have proved.
    static func demandObserved(_ finding: Finding, item: CheckItem) -> Finding {
        let observable = item.evidenceSources.filter(\.isObserved)
        guard finding.status == .pass, finding.basis != .observed, !observable.isEmpty else { return finding }
        var demoted = finding
        demoted.status = .warn
        demoted.summary = "only declared evidence: \(finding.summary)"
        demoted.details.insert("observed evidence required (--require-observed); none from \(observable.map(\.rawValue).joined(separator: ", "))", at: 0)
        demoted.remediation = "Give preflight observed evidence for \(item.id): " + observable.map { source in
            switch source {
            case .logs: "log samples (logs.paths in the manifest)"
            case .drill: "a drill (`preflight drill -- <the bot's command>`)"
            case .host: "the bot host's clock state (--host on the bot host, or --host-captures DIR)"
            case .exchange: "live read-only exchange probes with the bot's key"
            case .manifest, .files: source.rawValue
            }
        }.joined(separator: ", or ") + "."
        return demoted
    }

    func decide(items: [ReportItem], score: Double?, coverage: Report.Coverage) -> Report.Gate {
        var reasons: [String] = []
        for item in items where !item.suppressed && item.baseline != .unchanged && options.gate.trips(item.status) {
            reasons.append("\(item.id) \(item.name) is \(item.status.rawValue)" + (item.baseline == .new ? " (new since the baseline)" : ""))
        }
        let gate = options.gate
        if let minimum = gate.minScore {
            if let score {
                if score < minimum { reasons.append("score \(NumberText.short(score)) is under the minimum \(NumberText.short(minimum))") }
            } else {
                reasons.append("no item could be evaluated, so the score cannot reach the minimum \(NumberText.short(minimum))")
            }
        }
        if coverage.evaluated == 0 {
            reasons.append("no item could be evaluated (0 of \(coverage.total)): there is no evidence to pass on")
        } else if let minimum = gate.minCoverage, coverage.percent < minimum {
            reasons.append("coverage \(NumberText.short(coverage.percent))% (\(coverage.evaluated) of \(coverage.total)) is under the minimum \(NumberText.short(minimum))%")
        }
        return Report.Gate(passed: reasons.isEmpty, failOn: gate.failOn, minScore: gate.minScore, minCoverage: gate.minCoverage, reasons: reasons)
    }
}
