import PreflightModel

/// C4: a request the exchange rejected as invalid is not sent again unchanged.
public struct ValidationErrorStopsCheck: RetryRuleCheck {
    public init() {}

    public let item = CheckItem(
        id: "C4",
        name: "validation-error-stops",
        section: .errorHandling,
        severity: .high,
        summary: "A request rejected as invalid (a 4xx other than 401/403/418/429, or a parameter or filter error code) is never retried.",
        rationale: """
            A rejected parameter, a price off the tick size or a quantity under the minimum fails the same way \
            every time. Retrying it only spends request weight and error budget, and hides a bug that needs a fix.
            """,
        rule: """
            fail if errors.validation retries (retry, retry_then_escalate, retry_then_halt, backoff); fail if a \
            request that failed validation (4xx other than 401/403/418/429, or the exchange's parameter/validation \
            codes) was retried in the logs.
            """,
        remediation: """
            Treat validation errors as final: drop the request (or halt/escalate), log the exchange's message, \
            and declare errors.validation: drop in preflight.yml.
            """,
        evidenceSources: [.drill, .manifest, .logs],
        references: ["checklist C4", "https://developers.binance.com/docs/binance-spot-api-docs/errors"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding { weigh(evidence, policy: policy) }

    let checkedInLogs = "retries after validation errors not checked against logs"
    let drillFaults = ["validation"]

    func observe(_ logs: LogEvidence, as witness: Witness, in evidence: Evidence, policy: Policy) -> RetryLogObservation {
        let facts = logs.retries
        let lowerBound = RetryLogObservation.attemptCountsAreLowerBounds(logs)
        if let silent = RetryLogObservation.noRequests(facts, witness) { return silent }
        let failures = facts.validation.failures
        if failures.isEmpty {
            return .silent("\(witness.the) hold no validation error (a 4xx other than 401/403/418/429, or a parameter or filter code) among \(facts.attempts.requests) requests, so the declared action is not confirmed")
        }
        let retried = facts.validation.retries
        var observation = RetryLogObservation.upheld(
            "none of the \(failures.count) requests rejected as invalid in \(witness.the) was retried",
            measured: "\(failures.count) validation errors, \(retried.count) retries after one (\(witness.tag))", evidence: []
        )
        if !retried.isEmpty {
            observation.fail(
                on: retried, "a request rejected as invalid was retried \(retried.count) times",
                fix: "Treat validation errors as final: drop the request and log the exchange's message instead of retrying it (as \(witness.the) show\(RetryLogObservation.at(retried))).",
                citing: "retry after a validation error"
            )
        } else if let lowerBound {
            return RetryLogObservation.noRetrySeen(
                after: failures, "validation errors", citing: "validation error", lowerBound: lowerBound, witness: witness
            )
        } else {
            observation.cite(failures, "validation error")
        }
        return observation
    }

    func declaredFinding(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        guard let declared = manifest.errors?.validation else {
            return ErrorsDeclaration.undeclared(
                "validation", "drop", for: "validation errors", client: "make the client give up on validation errors",
                in: manifest
            )
        }
        var assessment = ErrorsDeclaration.assessment(declared, "validation")
        let action = declared.value.rawValue
        switch declared.value {
        case .drop, .halt, .escalate, .ignore, .shed:
            break
        case .retry, .retryThenEscalate, .retryThenHalt, .backoff:
            assessment.fail(
                "validation errors are retried (errors.validation: \(action)); the same request fails the same way every time",
                fix: "Stop retrying 4xx responses other than 401/403/418/429 and the exchange's parameter and filter codes, and set errors.validation: drop at \(declared.location)."
            )
        }
        return assessment.finding(
            pass: "validation errors are not retried (errors.validation: \(action))",
            measured: "errors.validation: \(action) (declared)",
            expected: "errors.validation: drop, halt or escalate"
        )
    }
}
