import PreflightModel

/// C5: a circuit breaker per failure class stops a failing stream of requests.
public struct CircuitBreakersCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "C5",
        name: "circuit-breakers",
        section: .errorHandling,
        severity: .high,
        summary: "A circuit breaker is declared for each failure class (auth, rate limit, platform), each with a failure threshold and a cooldown.",
        rationale: """
            Per-request retry budgets do not stop a bot that fails request after request: a bad key, a ban or \
            an outage turns into thousands of doomed calls. A breaker opens after a few failures of one class, \
            stops that traffic for a cooldown, and makes the outage visible.
            """,
        rule: """
            fail unless circuit_breakers declares auth, rate_limit and platform, each with failure_threshold and \
            cooldown_s of at least 1; logs that show breaker transitions strengthen the pass. After a drill phase \
            that provoked a class's failures (auth_revoked; rate_limit, ban; platform_error, maintenance), fail if \
            the bot sent more than one request of that class between its failure_threshold-th failure and the end \
            of cooldown_s (or of the phase).
            """,
        remediation: """
            Wrap the exchange client in one breaker per failure class and declare them under circuit_breakers \
            (auth, rate_limit, platform; each with failure_threshold and cooldown_s) in preflight.yml.
            """,
        evidenceSources: [.drill, .manifest, .logs],
        references: ["checklist C5", "https://martinfowler.com/bliki/CircuitBreaker.html"]
    )

    /// Suggested settings per class: auth opens at once and stays open; platform tolerates a few blips.
    private static let classes: [(key: String, words: String, suggested: String, breaker: @Sendable (CircuitBreakersSection) -> CircuitBreakersSection.Breaker?)] = [
        ("auth", "auth", "{failure_threshold: 1, cooldown_s: 3600}", { $0.auth }),
        ("rate_limit", "rate-limit", "{failure_threshold: 3, cooldown_s: 60}", { $0.rateLimit }),
        ("platform", "platform", "{failure_threshold: 5, cooldown_s: 120}", { $0.platform }),
    ]

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let finding = judgedBeforeTheDrill(evidence)
        guard let drill = evidence.drill else { return finding }
        return DrillBreakerVerdict(drill: drill, breakers: evidence.manifest.circuitBreakers).weigh(over: finding)
    }

    /// What the manifest and the logs show, before a drill's wire is weighed.
    private func judgedBeforeTheDrill(_ evidence: Evidence) -> Finding {
        let manifest = evidence.manifest
        let logs = evidence.logs
        let transitions = logs?.lifecycle.breakerTransitions ?? 0
        let transitionsText = logs.map { logs in
            transitions == 0 ? logs.noRecordsText([.circuitBreaker]) : "the logs show \(Self.describe(logs.lifecycle))"
        }
        guard let breakers = manifest.circuitBreakers else {
            let all = Self.classes.map { "\($0.key): \($0.suggested)" }.joined(separator: ", ")
            return .unknown(
                "no circuit breakers declared (circuit_breakers section)\(transitions > 0 ? "; \(transitionsText ?? ""), but a pass needs the breakers declared" : " and \(transitionsText ?? MissingEvidence.logs)")",
                evidence: logs?.lifecycle.breakerExamples.map { EvidenceRef(.logs, at: $0, "circuit_breaker transition") } ?? [],
                remediation: "Add a circuit_breakers section to \(manifest.path) with \(all)."
            )
        }
        var assessment = Assessment()
        var declared: [String] = []
        for kind in Self.classes {
            guard let breaker = kind.breaker(breakers) else {
                assessment.fail(
                    "no circuit breaker for \(kind.words) failures (circuit_breakers.\(kind.key))",
                    fix: "Add \(kind.key): \(kind.suggested) to the circuit_breakers section of \(manifest.path)."
                )
                continue
            }
            let complete = Self.judgeBreaker(breaker, key: kind.key, words: kind.words, suggested: kind.suggested, into: &assessment)
            if complete { declared.append(kind.key) }
        }
        if let logs, transitions > 0 {
            for location in logs.lifecycle.breakerExamples { assessment.cite(EvidenceRef(.logs, at: location, "circuit_breaker transition")) }
        }
        assessment.note(transitionsText.map { "breaker transitions: \($0)" }
            ?? "breaker transitions not checked against logs (they would strengthen the pass): \(MissingEvidence.logs)")
        let observedText = transitions > 0 ? "; \(transitionsText ?? "")" : ""
        return assessment.finding(
            pass: "declares circuit breakers for auth, rate-limit and platform failures\(observedText)",
            measured: "breakers: \(declared.isEmpty ? "none complete" : declared.joined(separator: ", ")) (declared)\(transitions > 0 ? "; \(transitions) transitions (logs)" : "")",
            expected: "breakers: auth, rate_limit, platform, each with failure_threshold and cooldown_s of at least 1"
        )
    }

    /// Judges one declared breaker; true when its threshold and cooldown are both declared and usable.
    private static func judgeBreaker(
        _ breaker: CircuitBreakersSection.Breaker, key: String, words: String, suggested: String,
        into assessment: inout Assessment
    ) -> Bool {
        assessment.cite(EvidenceRef(.manifest, at: breaker.location, "circuit_breakers.\(key) declared"))
        assessment.cite(breaker.failureThreshold)
        assessment.cite(breaker.cooldownSeconds)
        var complete = true
        if let threshold = breaker.failureThreshold {
            if threshold.value < 1 {
                complete = false
                assessment.fail(
                    "circuit_breakers.\(key).failure_threshold is \(threshold.value); a breaker needs at least 1 failure to open",
                    fix: "Set circuit_breakers.\(key).failure_threshold at \(threshold.location) to at least 1."
                )
            }
        } else {
            complete = false
            assessment.fail(
                "the \(words) breaker has no failure_threshold (circuit_breakers.\(key).failure_threshold)",
                fix: "Add failure_threshold to circuit_breakers.\(key) at \(breaker.location) (e.g. \(suggested))."
            )
        }
        if let cooldown = breaker.cooldownSeconds {
            if cooldown.value < 1 {
                complete = false
                assessment.fail(
                    "circuit_breakers.\(key).cooldown_s is \(cooldown.value); a breaker needs a cooldown of at least 1 s",
                    fix: "Set circuit_breakers.\(key).cooldown_s at \(cooldown.location) to at least 1."
                )
            }
        } else {
            complete = false
            assessment.fail(
                "the \(words) breaker has no cooldown (circuit_breakers.\(key).cooldown_s)",
                fix: "Add cooldown_s to circuit_breakers.\(key) at \(breaker.location) (e.g. \(suggested))."
            )
        }
        return complete
    }

    /// "3 breaker transitions (open 2, closed 1)".
    static func describe(_ facts: LifecycleLogFacts) -> String {
        let states = facts.breakerStates.sorted { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let count = facts.breakerTransitions
        return "\(count) breaker transition\(count == 1 ? "" : "s")\(states.isEmpty ? "" : " (\(states))")"
    }
}
