import PreflightModel

/// C1: a failed authentication stops the bot instead of being retried.
public struct AuthFailureStopsCheck: RetryRuleCheck {
    public init() {}

    public let item = CheckItem(
        id: "C1",
        name: "auth-failure-stops",
        section: .errorHandling,
        severity: .critical,
        summary: "A 401/403 or an auth, signature or timestamp error halts the bot or escalates to a human; it is never retried.",
        rationale: """
            An auth failure does not heal by itself: a revoked key, a wrong secret or a drifting clock fails \
            every retry the same way. Each retry burns the key's error budget, and exchanges ban the IP of a \
            client that keeps sending bad signatures.
            """,
        rule: """
            fail unless errors.auth is halt or escalate; fail if a request that failed with 401/403 or an auth, \
            signature or timestamp error code was retried, or no escalation, kill_switch or open circuit_breaker record \
            follows it in the logs within 60 s.
            """,
        remediation: """
            Make the bot's HTTP client stop on 401/403 and the exchange's auth, signature and timestamp codes, \
            alert a human, and declare errors.auth: halt in preflight.yml.
            """,
        evidenceSources: [.drill, .manifest, .logs],
        references: ["checklist C1", "https://developers.binance.com/docs/binance-spot-api-docs/errors"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        Self.escalationsInTheLogs.weigh(
            evidence, over: weigh(evidence, policy: policy), giveUps: { $0.auth.failures.count }, missing: { $0.auth.withoutEscalation }
        )
    }

    /// After a drill the wire judged the retries; whether each auth failure was escalated is in the bot's logs.
    static let escalationsInTheLogs = EscalationsInTheLogs(
        one: "auth failure", many: "auth failures",
        remediation: "After an auth failure (a timestamp rejection too, even when the bot re-measures its clock and re-signs once), halt the bot or alert a human and log it as an escalation or kill_switch record."
    )

    let checkedInLogs = "retries after 401/403 and the escalation record not checked against logs"
    let drillFaults = ["auth_revoked"]

    func observe(_ logs: LogEvidence, as witness: Witness, in evidence: Evidence, policy: Policy) -> RetryLogObservation {
        let facts = logs.retries
        let lowerBound = RetryLogObservation.attemptCountsAreLowerBounds(logs)
        if let silent = RetryLogObservation.noRequests(facts, witness) { return silent }
        let failures = facts.auth.failures
        if failures.isEmpty {
            return .silent("\(witness.the) hold no 401/403 or auth, signature or timestamp error among \(facts.attempts.requests) requests, so the declared action is not confirmed")
        }
        let window = Int(facts.escalationWindowSeconds)
        let retried = facts.auth.retries
        // Escalation records are the bot's own: the wire cannot hold them, so a drill takes them from the
        // bot's logs (C1's evaluate), and the wire judges the retries alone.
        let seesEscalations = witness.source != .drill
        let missing = seesEscalations ? facts.auth.withoutEscalation : LogRecordTally()
        let decided = seesEscalations ? failures.count - facts.auth.undecided : failures.count
        guard decided > 0 || !retried.isEmpty else {
            var silent = RetryLogObservation.silent("\(witness.the) end within \(window) s of each of their \(failures.count) auth failures, so whether an escalation followed cannot be seen")
            silent.cite(failures, "auth failure")
            return silent
        }
        let escalations = seesEscalations ? ", \(missing.count) without an escalation or halt record within \(window) s" : ""
        let measured = "\(failures.count) auth failures: \(retried.count) retries after one\(escalations) (\(witness.tag))"
        var observation = RetryLogObservation.upheld(
            "none of the \(failures.count) auth failures in \(witness.the) was retried"
                + (seesEscalations ? ", and each was followed by an escalation or halt record within \(window) s" : ""),
            measured: measured, evidence: []
        )
        if !retried.isEmpty {
            observation.fail(
                on: retried, "a request that failed auth was retried \(retried.count) times",
                fix: "Stop on 401/403 and the exchange's auth, signature and timestamp codes instead of retrying (as \(witness.the) show\(RetryLogObservation.at(retried))), and halt or alert a human.",
                citing: "retry after an auth failure"
            )
        }
        if !missing.isEmpty {
            observation.fail(
                "\(missing.count) of \(decided) auth failures were not followed by an escalation, kill_switch or circuit_breaker record within \(window) s\(RetryLogObservation.at(missing))",
                fix: "After an auth failure, halt the bot or alert a human and log it as an escalation or kill_switch record."
            )
            observation.cite(missing, "no escalation")
        }
        return concluded(observation, facts: facts, witness: witness, lowerBound: lowerBound, seesEscalations: seesEscalations)
    }

    /// The notes every verdict carries: the documented timestamp remedy, lower bounds, failures too late to judge.
    private func concluded(
        _ observation: RetryLogObservation, facts: RetryLogFacts, witness: Witness, lowerBound: String?, seesEscalations: Bool
    ) -> RetryLogObservation {
        var observation = observation
        let failures = facts.auth.failures
        let retried = facts.auth.retries
        let remedies = facts.auth.timestampRemedyResends
        if !remedies.isEmpty {
            observation.notes.append("\(remedies.count) timestamp rejection\(remedies.count == 1 ? " was" : "s were") answered by a fresh server-time query and one re-signed request (\(remedies.exampleText)): the documented remedy, allowed once per rejection; its escalation is still required")
            if observation.outcome == .upheld {
                observation.summary += "; the one re-signed re-send after a timestamp rejection followed a fresh server-time query, as allowed"
            }
        }
        if observation.outcome == .upheld, let lowerBound {
            return RetryLogObservation.noRetrySeen(
                after: failures, "auth failures", citing: "auth failure", lowerBound: lowerBound, witness: witness
            )
        }
        if !retried.isEmpty, let lowerBound { observation.notes.append("retry counts are lower bounds: \(lowerBound)") }
        if observation.outcome == .upheld { observation.cite(failures, "auth failure") }
        if seesEscalations, facts.auth.undecided > 0 {
            observation.notes.append("\(facts.auth.undecided) auth failures too close to the end of \(witness.the) to judge the escalation")
        }
        return observation
    }

    func declaredFinding(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let codes = Self.authCodes(manifest.bot.exchange.value)
        guard let declared = manifest.errors?.auth else {
            return ErrorsDeclaration.undeclared(
                "auth", "halt", for: "auth failures", client: "make the client stop on 401/403 and \(codes)", in: manifest
            )
        }
        var assessment = ErrorsDeclaration.assessment(declared, "auth")
        let fix = "Make the client stop on 401/403 and \(codes), and set errors.auth: halt at \(declared.location)."
        switch declared.value {
        case .halt, .escalate:
            break
        case .retry, .retryThenEscalate, .retryThenHalt, .backoff:
            assessment.fail(
                "auth failures are retried (errors.auth: \(declared.value.rawValue)); a retried auth failure burns the key's error budget and can get the IP banned",
                fix: fix
            )
        case .drop, .shed, .ignore:
            assessment.fail(
                "auth failures neither halt nor escalate (errors.auth: \(declared.value.rawValue)); the bot keeps sending requests that fail auth, which burns the key's error budget and can get the IP banned",
                fix: fix
            )
        }
        return assessment.finding(
            pass: "auth failures \(declared.value == .halt ? "halt the bot" : "escalate") instead of being retried",
            measured: "errors.auth: \(declared.value.rawValue) (declared)",
            expected: "errors.auth: halt or escalate"
        )
    }

    /// The exchange's own words for a bad key, signature or timestamp, so the fix names what to stop on.
    private static func authCodes(_ exchange: Exchange) -> String {
        switch exchange {
        case .binance, .binanceFutures: "Binance codes -1021 (timestamp), -1022 (signature), -2014 and -2015 (key)"
        case .bybit: "Bybit retCodes 10002 (timestamp), 10003 (key) and 10004 (signature)"
        case .okx: "OKX codes 50102 (timestamp), 50111 (key) and 50113 (signature)"
        case .kraken: "Kraken errors EAPI:Invalid key, EAPI:Invalid signature and EAPI:Invalid nonce"
        case .coinbase: "Coinbase's invalid or expired JWT responses"
        }
    }
}
