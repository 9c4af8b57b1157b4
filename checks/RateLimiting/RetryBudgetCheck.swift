import PreflightModel

/// B3: a request is tried at most three times.
public struct RetryBudgetCheck: RetryRuleCheck {
    public init() {}

    public let item = CheckItem(
        id: "B3",
        name: "retry-budget",
        section: .rateLimiting,
        severity: .high,
        summary: "Every request has a small, fixed retry budget: at most 3 attempts, the first included.",
        rationale: """
            Unbounded retries turn one exchange hiccup into a request storm that trips rate limits and IP bans, \
            and re-sent orders multiply exposure. A small budget forces the bot to give up and escalate.
            """,
        rule: """
            fail if the declared max attempts per request exceed 3 (policy max_attempts) or no budget is \
            declared; fail if any request in the logs made more than 3 attempts.
            """,
        remediation: """
            Cap attempts in the bot's HTTP client at 3 and declare it as retry.max_attempts: 3 in preflight.yml.
            """,
        evidenceSources: [.drill, .manifest, .logs],
        references: ["checklist B3", "https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/"],
        frameworkRemediation: [
            "freqtrade": """
                freqtrade makes every API call up to 5 times (API_RETRY_COUNT = 4), fetch_order up to 6 \
                (API_FETCH_ORDER_RETRY_COUNT = 5), and config.json cannot change it: \
                keep enableRateLimit on so retries are rare, and record the accepted risk as a suppression for B3 with an \
                owner and expiry.
                """,
        ]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding { weigh(evidence, policy: policy) }

    let checkedInLogs = "attempts per request not checked against logs"
    let drillFaults = ["platform_error", "rate_limit"]

    /// Logs within the budget do not contradict a declared budget that is too large: it only did not run out.
    func weighing(_ logs: LogEvidence, in evidence: Evidence) -> RetryLogObservation.Weighing {
        .init(overrulesDeclared: false)
    }

    func observe(_ logs: LogEvidence, as witness: Witness, in evidence: Evidence, policy: Policy) -> RetryLogObservation {
        let facts = logs.retries
        let declared = evidence.manifest.retry?.maxAttempts
        let limit = policy.int(.maxAttempts)
        let lowerBound = RetryLogObservation.attemptCountsAreLowerBounds(logs)
        if let silent = RetryLogObservation.noRequests(facts, witness) { return silent }
        guard facts.attempts.linkableRequests > 0 else {
            return .silent("\(witness.the)' \(facts.attempts.requests) request records carry no attempt, request_id or client_order_id, so retries cannot be linked")
        }
        let least = lowerBound == nil ? "" : "at least "
        let measured = "\(lowerBound == nil ? "at most" : "at least") \(facts.attempts.maxAttempts) attempts per request over \(facts.attempts.chains) requests, \(facts.attempts.retriedChains) retried\(lowerBound == nil ? "" : ": lower bounds") (\(witness.tag))"
        if let lowerBound, facts.attempts.chains(over: limit) == 0 {
            // Counts that may be short cannot show the budget kept: leave it to the declaration.
            return .silent("\(witness.the) show up to \(facts.attempts.maxAttempts) attempts per request, but those counts are lower bounds (\(lowerBound)), so they cannot show the budget of \(limit) was kept")
        }
        var observation = RetryLogObservation.upheld(
            "\(witness.the) show at most \(facts.attempts.maxAttempts) attempts per request over \(facts.attempts.chains) requests (\(facts.attempts.retriedChains) retried)",
            measured: measured, evidence: []
        )
        let over = facts.attempts.chains(over: limit)
        let worst = facts.attempts.mostAttempts.filter { $0.attempts > limit }
        if over > 0, let first = worst.first {
            let declaredText = declared.map { "declares max \($0.value) attempts" } ?? "declares no budget (retry.max_attempts)"
            let endpoint = first.endpoint.map { " on \($0)" } ?? ""
            observation.fail(
                "\(declaredText); logs show \(least)\(first.attempts) attempts\(endpoint) at \(first.location) (\(over) requests over the budget of \(limit))",
                fix: "Cap attempts at \(limit) in the bot's HTTP client (the request at \(first.location) made \(first.attempts)) and declare retry.max_attempts: \(limit)."
            )
            for chain in worst {
                observation.cite(chain.location, "\(chain.attempts) attempts\(chain.endpoint.map { " on \($0)" } ?? "")")
            }
        } else if let first = facts.attempts.mostAttempts.first {
            observation.cite(first.location, "most attempts: \(first.attempts)\(first.endpoint.map { " on \($0)" } ?? "")")
        }
        if let lowerBound { observation.notes.append("attempt counts are lower bounds: \(lowerBound)") }
        return observation
    }

    func declaredFinding(_ evidence: Evidence, policy: Policy) -> Finding {
        let limit = policy.int(.maxAttempts)
        guard let declared = evidence.manifest.retry?.maxAttempts else {
            return .unknown(
                "no retry budget declared (retry.max_attempts)",
                remediation: "Declare retry.max_attempts: \(limit) in \(evidence.manifest.path)."
            )
        }
        var assessment = Assessment()
        assessment.cite(declared)
        assessment.failOutside(
            declared, key: "retry.max_attempts", needs: "a request needs at least 1 attempt", limit: limit,
            over: ("declares up to \(declared.value) attempts per request; the budget is \(limit)",
                   "Lower the bot's retry limit to \(limit) attempts and set retry.max_attempts: \(limit) at \(declared.location).")
        )
        return assessment.finding(
            pass: "declares at most \(declared.value) attempts per request",
            measured: "\(declared.value) attempts (declared)",
            expected: "at most \(limit) attempts"
        )
    }
}
