import PreflightModel

/// What the log samples showed for one retry item (B2–B4, C1–C4), to be merged with the declared verdict.
/// Observed outranks declared: a violation in the logs fails whatever the manifest says, and where the
/// logs show the behaviour the manifest denies, the finding says both and the logs decide.
struct RetryLogObservation {
    enum Outcome {
        /// The logs show the rule broken: `problems` say how.
        case violated
        /// The logs show the rule kept: `summary` says how.
        case upheld
        /// The logs hold nothing that bears on the rule: `summary` says why.
        case silent
    }

    var outcome: Outcome
    var summary: String
    var problems: [(status: Status, message: String, fix: String)] = []
    var evidence: [EvidenceRef] = []
    var measured: String?
    var notes: [String] = []
    var witness = Witness.logs

    static func silent(_ reason: String) -> RetryLogObservation {
        RetryLogObservation(outcome: .silent, summary: reason)
    }

    static func upheld(_ summary: String, measured: String, evidence: [EvidenceRef]) -> RetryLogObservation {
        RetryLogObservation(outcome: .upheld, summary: summary, evidence: evidence, measured: measured)
    }

    mutating func fail(_ message: String, fix: String) {
        outcome = .violated
        problems.append((.fail, message, fix))
    }

    /// Fails on what the tally counted: the message gains the first sample ("(detail at app.log:12)", after
    /// `example` when given), and every sample is cited as `what`.
    mutating func fail(on tally: LogRecordTally, _ message: String, fix: String, citing what: String, example: String = "") {
        let first = tally.samples.first.map { " (\(example)\($0.detail ?? "") at \($0.location))" } ?? ""
        fail(message + first, fix: fix)
        cite(tally, what)
    }

    /// Cites up to five of the tally's places, each with what happened there.
    mutating func cite(_ tally: LogRecordTally, _ what: String) {
        for sample in tally.samples {
            let ref = EvidenceRef(.logs, at: sample.location, sample.detail.map { "\(what): \($0)" } ?? what)
            if !evidence.contains(ref) { evidence.append(ref) }
        }
    }

    mutating func cite(_ location: SourceLocation, _ detail: String) {
        let ref = EvidenceRef(.logs, at: location, detail)
        if !evidence.contains(ref) { evidence.append(ref) }
    }

    /// How much the logs may overrule. `overrulesDeclared` says whether an upheld rule in the logs
    /// contradicts a declared failure (the logs decide) or only leaves it standing (the logs show nothing
    /// against a declaration that itself breaks the rule). `whenSilent` is the status a declared pass falls
    /// to when the logs cannot confirm it (nil keeps the pass), with the fix to offer.
    struct Weighing {
        var overrulesDeclared: Bool
        var whenSilent: (status: Status, fix: String)?

        init(overrulesDeclared: Bool, whenSilent: (status: Status, fix: String)? = nil) {
            self.overrulesDeclared = overrulesDeclared
            self.whenSilent = whenSilent
        }
    }

    /// The citations as `witness` saw them (an observation cites log places until told otherwise).
    func seen(by witness: Witness) -> RetryLogObservation {
        var observation = self
        observation.witness = witness
        observation.evidence = evidence.map { ref in
            var ref = ref
            if ref.source == .logs { ref.source = witness.source }
            return ref
        }
        return observation
    }

    /// The verdict: observed outranks declared, as far as `weighing` allows.
    func merge(declared declaredFinding: Finding, _ weighing: Weighing) -> Finding {
        let overrulesDeclared = weighing.overrulesDeclared
        let declaredSays = "the manifest says: \(declaredFinding.summary)"
        switch outcome {
        case .violated:
            let first = problems[0]
            var details = problems.dropFirst().map(\.message)
            if declaredFinding.status == .pass {
                details.append("\(declaredSays); \(witness.the) decide")
            } else {
                details.append(declaredSays)
                details += declaredFinding.details
            }
            details += notes
            var fixes: [String] = []
            for fix in problems.map(\.fix) + [declaredFinding.remediation].compactMap({ $0 }) where !fixes.contains(fix) {
                fixes.append(fix)
            }
            return Finding(
                status: first.status, summary: first.message, details: details,
                evidence: evidence + declaredFinding.evidence, measured: measured ?? declaredFinding.measured,
                expected: declaredFinding.expected, remediation: fixes.joined(separator: " ")
            )
        case .upheld:
            if declaredFinding.status == .pass || (overrulesDeclared && declaredFinding.status != .error) {
                var details = notes
                if declaredFinding.status != .pass {
                    details.insert("\(declaredSays); \(witness.the) show otherwise and decide", at: 0)
                }
                return Finding(
                    status: .pass, summary: summary, details: details, evidence: evidence + declaredFinding.evidence,
                    measured: measured, expected: declaredFinding.expected
                )
            }
            var finding = declaredFinding
            finding.details.append("\(witness.the) show: \(summary)")
            finding.details += notes
            finding.evidence = declaredFinding.evidence + evidence
            return finding
        case .silent:
            var finding = declaredFinding
            if finding.status == .pass, let whenSilent = weighing.whenSilent {
                finding.status = whenSilent.status
                finding.details.insert(finding.summary, at: 0)
                finding.summary = summary
                finding.remediation = whenSilent.fix
            } else {
                finding.details.append(summary)
            }
            finding.details += notes
            return finding
        }
    }

}

extension RetryLogObservation {
    /// Why attempt counts read from these logs are only lower bounds, or nil when they are counts: a log that
    /// omits successful requests omits the successful final attempt, and a countdown of retries left assumes
    /// the budget it counts down from.
    static func attemptCountsAreLowerBounds(_ logs: LogEvidence) -> String? {
        var reasons: [String] = []
        let incomplete = logs.scan.incompleteRequestSources
        if !incomplete.isEmpty {
            reasons.append("\(logs.scan.incompleteRequestSourcesText) so the successful final attempt is not in the logs")
        }
        let countdown = logs.retries.attempts.countdownNumberedRequests
        if countdown > 0 {
            reasons.append("\(countdown) request record\(countdown == 1 ? "" : "s") number\(countdown == 1 ? "s its attempt" : " their attempts") from a countdown of retries left")
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    /// Silent when the logs hold no request records at all.
    static func noRequests(_ facts: RetryLogFacts, _ witness: Witness) -> RetryLogObservation? {
        guard facts.attempts.requests == 0 else { return nil }
        return .silent("\(witness.the) hold no api_request, order_submit or order_cancel records")
    }

    /// Silent: logs that may omit attempts (`lowerBound` says why) show no retry after the failures, but
    /// cannot show that none was made. The failures are cited, each as `failure`.
    static func noRetrySeen(
        after failures: LogRecordTally, _ plural: String, citing failure: String, lowerBound: String, witness: Witness
    ) -> RetryLogObservation {
        var silent = RetryLogObservation.silent(
            "\(witness.the) show no retry after their \(failures.count) \(plural), but they may omit attempts (\(lowerBound)), so they cannot show none was made"
        )
        silent.cite(failures, failure)
        return silent
    }

    static func format(_ milliseconds: Double) -> String { String(Int(milliseconds.rounded())) }

    /// "app.log:12" for the first sample, or "" when there is none.
    static func at(_ tally: LogRecordTally) -> String {
        tally.samples.first.map { " at \($0.location)" } ?? ""
    }
}

/// JSON log lines for the retry items' examples; times are epoch milliseconds from 2026-11-24T10:00:00Z.
enum RetryExampleLog {
    static let startMs: Int64 = 1_795_514_400_000

    static func line(at ms: Int, _ event: String, _ fields: String = "") -> String {
        "{\"ts\":\(startMs + Int64(ms)),\"event\":\"\(event)\"\(fields.isEmpty ? "" : ",")\(fields)}\n"
    }

    /// One request's attempts, linked by request id: attempt i gets `statuses[i-1]`, and `delays[i-1]`
    /// ms pass between attempt i and i+1.
    static func chain(
        _ id: String, at startMs: Int, statuses: [Int], delays: [Int], endpoint: String = "/api/v3/order",
        method: String = "POST", extra: String = ""
    ) -> String {
        var text = ""
        var time = startMs
        for (index, status) in statuses.enumerated() {
            text += line(
                at: time, "api_request",
                "\"endpoint\":\"\(endpoint)\",\"method\":\"\(method)\",\"status\":\(status),\"attempt\":\(index + 1),\"request_id\":\"\(id)\"\(extra)"
            )
            if index < delays.count { time += delays[index] }
        }
        return text
    }
}
