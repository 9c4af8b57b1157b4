import PreflightModel

/// C2: after a 429 the bot sends less, not the same load again.
public struct RateLimitBackpressureCheck: RetryRuleCheck {
    public init() {}

    public let item = CheckItem(
        id: "C2",
        name: "rate-limit-backpressure",
        section: .errorHandling,
        severity: .high,
        summary: "After a 429 the bot sheds load: fewer requests in flight or a lower request rate until the window clears.",
        rationale: """
            A 429 says the bot is over its weight or order-rate limit. Retrying at the same pace keeps it over \
            the limit, and exchanges answer repeated violations with a 418 and an IP ban that stops every bot \
            on the host.
            """,
        rule: """
            fail if errors.rate_limit is retry or ignore; warn if it only escalates (escalate, retry_then_escalate, \
            retry_then_halt) without saying it lowers its load; fail unless the logs show a lower in-flight count \
            or request rate in the 60 s after a 429 than in the 60 s before it (api_request records, summed over \
            every 429 episode with a full minute of traffic on both sides). After a drill's rate_limit or ban \
            phase the wire decides: fail unless fewer requests arrived in the window (up to 10 s) after the phase's \
            first 429 or 418 than in as long a window before it.
            """,
        remediation: """
            On a 429, lower the bot's in-flight count or request rate (back off for at least Retry-After) and \
            declare errors.rate_limit: backoff (or shed) in preflight.yml.
            """,
        evidenceSources: [.drill, .manifest, .logs],
        references: ["checklist C2", "https://developers.binance.com/docs/binance-spot-api-docs/rest-api/limits"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding { weigh(evidence, policy: policy) }

    let checkedInLogs = "load shedding after a 429 not checked against logs"
    let drillFaults = ["rate_limit", "ban"]

    func observe(_ logs: LogEvidence, as witness: Witness, in evidence: Evidence, policy: Policy) -> RetryLogObservation {
        if witness.source == .drill, let changes = evidence.drill?.loadChanges, !changes.isEmpty {
            return Self.observe(changes, witness: witness)
        }
        let facts = logs.retries
        let scan = logs.scan
        if let silent = RetryLogObservation.noRequests(facts, witness) { return silent }
        let window = Int(facts.backpressureWindowSeconds)
        if facts.rateLimit.responses.isEmpty {
            return .silent("\(witness.the) hold no 429, 418 or rate-limit code among \(facts.attempts.requests) requests, so load shedding after one is not confirmed")
        }
        // A rate can only be measured where every request is logged.
        let complete = Set(scan.sources.filter { $0.requestCompleteness == .complete }.map(\.file))
        let measured = facts.backpressure(in: complete)
        let skipped = facts.backpressureBySource.filter { !($0.file.map(complete.contains) ?? false) }
        if measured.episodesJudged == 0, !skipped.isEmpty {
            let why = scan.sources.filter { source in skipped.contains { $0.file == source.file } }
                .compactMap { source in source.requestCompleteness.shortfall.map { "\(source.file): \($0)" } }
            var silent = RetryLogObservation.silent(
                "the request rate around the \(facts.rateLimit.responses.count) rate-limit responses cannot be measured: only a log that records every request shows a rate (\(why.joined(separator: "; ")))"
            )
            silent.cite(facts.rateLimit.responses, "rate-limit response")
            return silent
        }
        var observation = compare(measured, facts: facts, window: window, witness: witness)
        if !skipped.isEmpty {
            observation.notes.append("rate-limit episodes in \(skipped.compactMap(\.file).joined(separator: ", ")) left out: those logs do not record every request")
        }
        return observation
    }

    /// A drill's rate-limit phases: the requests in the window after each phase's first 429 against as long
    /// a window before it, summed over the phases (a drill's windows are short, so at most 10 s each).
    static func observe(_ changes: [DrillLoadChange], witness: Witness) -> RetryLogObservation {
        let before = changes.map(\.requestsBefore).reduce(0, +)
        let after = changes.map(\.requestsAfter).reduce(0, +)
        let windows = changes.map { "\(NumberText.short($0.windowSeconds)) s" }.joined(separator: ", ")
        let counts = "\(after) requests in the \(windows) after the first 429 of \(changes.count) rate-limit phase\(changes.count == 1 ? "" : "s") against \(before) in as long before"
        var observation = RetryLogObservation.upheld("the bot sheds load after a 429: \(counts)", measured: "\(counts) (\(witness.tag))", evidence: [])
        for change in changes {
            observation.evidence.append(EvidenceRef(witness.source, at: change.location, "first rate-limit answer of \(change.phase): \(change.requestsBefore) requests before, \(change.requestsAfter) after"))
        }
        if after >= before {
            observation.fail(
                "kept its load after a 429: \(counts)",
                fix: "After a 429, lower the request rate for at least Retry-After (pause the request class, or halve its rate), instead of sending as before; \(witness.the) show \(after) requests right after the 429 against \(before) before it."
            )
        }
        return observation
    }

    private func compare(_ backpressure: RateLimitBackpressure, facts: RetryLogFacts, window: Int, witness: Witness) -> RetryLogObservation {
        guard backpressure.episodesJudged > 0 else {
            var silent = RetryLogObservation.silent(
                "\(witness.the) hold \(facts.rateLimit.responses.count) rate-limit responses, but none with \(window) s of traffic on both sides to compare"
            )
            silent.cite(facts.rateLimit.responses, "rate-limit response")
            return silent
        }
        // Judged over all episodes together: one episode's window is small and noisy, the bot's habit is not.
        let notShed = backpressure.episodesNotShed
        let episodes = backpressure.episodesJudged
        let before = backpressure.requestsBefore
        let after = backpressure.requestsAfter
        var inflightText = ""
        var fewerInflight = false
        if let meanBefore = backpressure.meanInflightBefore, let meanAfter = backpressure.meanInflightAfter {
            inflightText = "; mean in flight \(NumberText.tenths(meanBefore)) before, \(NumberText.tenths(meanAfter)) after"
            fewerInflight = meanAfter < meanBefore
        }
        let counts = "\(after) requests in the \(window) s after \(episodes) rate-limit episodes against \(before) in the \(window) s before\(inflightText)"
        var observation = RetryLogObservation.upheld(
            "the bot sheds load after a 429: \(counts)",
            measured: "\(counts) (\(witness.tag))", evidence: []
        )
        if after >= before && !fewerInflight {
            observation.fail(
                on: notShed, "kept its load after a 429: \(counts)",
                fix: "After a 429, lower the in-flight count or request rate for at least Retry-After; \(witness.the) show the same load right after the 429\(RetryLogObservation.at(notShed)).",
                citing: "no backpressure", example: "e.g. "
            )
        } else {
            observation.cite(facts.rateLimit.responses, "rate-limit response")
            if !notShed.isEmpty {
                observation.notes.append(
                    "\(notShed.count) of \(episodes) episodes on their own showed no drop, e.g. \(notShed.samples[0].detail ?? "") at \(notShed.samples[0].location)"
                )
            }
        }
        if backpressure.episodesUndecided > 0 {
            observation.notes.append("\(backpressure.episodesUndecided) rate-limit episodes too near the ends of \(witness.the), or with too little traffic before them, to compare")
        }
        return observation
    }

    func declaredFinding(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        guard let declared = manifest.errors?.rateLimit else {
            return ErrorsDeclaration.undeclared(
                "rate_limit", "backoff", for: "rate-limit responses",
                client: "make the client lower its request rate after a 429", in: manifest
            )
        }
        var assessment = ErrorsDeclaration.assessment(declared, "rate_limit")
        let action = declared.value.rawValue
        switch declared.value {
        case .backoff, .shed, .halt, .drop:
            break
        case .retry, .ignore:
            assessment.fail(
                "keeps the same load after a 429 (errors.rate_limit: \(action))",
                fix: "Lower the in-flight count or request rate after a 429 (wait at least Retry-After, no less than \(policy.int(.backoffFloorMs)) ms) and set errors.rate_limit: backoff at \(declared.location)."
            )
        case .escalate, .retryThenEscalate, .retryThenHalt:
            assessment.warn(
                "escalates but does not say it lowers its request rate after a 429 (errors.rate_limit: \(action))",
                fix: "Lower the in-flight count or request rate after a 429 before escalating, and set errors.rate_limit: backoff (or shed) at \(declared.location)."
            )
        }
        return assessment.finding(
            pass: "lowers its load after a 429 (errors.rate_limit: \(action))",
            measured: "errors.rate_limit: \(action) (declared)",
            expected: "errors.rate_limit: backoff, shed, halt or drop"
        )
    }
}
