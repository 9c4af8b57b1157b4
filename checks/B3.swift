import PreflightModel

/// B3: a request is tried at most three times.
public struct RetryBudgetCheck: Check {
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
        evidenceSources: [.manifest, .logs],
        references: ["checklist B3", "https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let limit = policy.int(.maxAttempts)
        guard let declared = evidence.manifest.retry?.maxAttempts else {
            return .unknown(
                "no retry budget declared (retry.max_attempts) and \(MissingEvidence.logs)",
                remediation: "Declare retry.max_attempts: \(limit) in \(evidence.manifest.path)."
            )
        }
        var assessment = Assessment()
        assessment.cite(declared)
        if declared.value < 1 {
            assessment.fail(
                "retry.max_attempts is \(declared.value); a request needs at least 1 attempt",
                fix: "Set retry.max_attempts at \(declared.location) to a value from 1 to \(limit)."
            )
        } else if declared.value > limit {
            assessment.fail(
                "declares up to \(declared.value) attempts per request; the budget is \(limit)",
                fix: "Lower the bot's retry limit to \(limit) attempts and set retry.max_attempts: \(limit) at \(declared.location)."
            )
        }
        return assessment.finding(
            pass: "declares at most \(declared.value) attempts per request",
            measured: "\(declared.value) attempts (declared)",
            expected: "at most \(limit) attempts"
        )
    }

    public let examples: [CheckExample] = [
        CheckExample("three attempts", manifest: "retry:\n  max_attempts: 3\n", expect: .pass),
        CheckExample("a single attempt", manifest: "retry:\n  max_attempts: 1\n", expect: .pass),
        CheckExample("five attempts", manifest: "retry:\n  max_attempts: 5\n", expect: .fail, mentioning: "5 attempts"),
        CheckExample("no budget declared", manifest: "concurrency:\n  private: 2\n", expect: .unknown),
    ]
}
