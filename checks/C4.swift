import PreflightModel

/// C4: a request the exchange rejected as invalid is not sent again unchanged.
public struct ValidationErrorStopsCheck: Check {
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
        evidenceSources: [.manifest, .logs],
        references: ["checklist C4", "https://developers.binance.com/docs/binance-spot-api-docs/errors"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        guard let declared = manifest.errors?.validation else {
            let remediation = manifest.errors == nil
                ? "Add an errors section to \(manifest.path) with validation: drop, and make the client give up on validation errors."
                : "Add validation: drop to the errors section of \(manifest.path), and make the client give up on validation errors."
            return .unknown(
                "no action declared for validation errors (errors.validation) and \(MissingEvidence.logs)",
                remediation: remediation
            )
        }
        var assessment = Assessment()
        assessment.cite(.declared(declared, "errors.validation = \(declared.value.rawValue)"))
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
        assessment.note("retries after validation errors not checked against logs: \(MissingEvidence.logs)")
        return assessment.finding(
            pass: "validation errors are not retried (errors.validation: \(action))",
            measured: "errors.validation: \(action) (declared)",
            expected: "errors.validation: drop, halt or escalate"
        )
    }

    public let examples: [CheckExample] = [
        CheckExample("drops invalid requests", manifest: "errors:\n  validation: drop\n", expect: .pass),
        CheckExample("escalates invalid requests", manifest: "errors:\n  validation: escalate\n", expect: .pass),
        CheckExample(
            "retries invalid requests",
            manifest: "errors:\n  validation: retry\n",
            expect: .fail,
            mentioning: "validation errors are retried"
        ),
        CheckExample(
            "backs off and retries invalid requests",
            manifest: "errors:\n  validation: backoff\n",
            expect: .fail,
            mentioning: "validation errors are retried"
        ),
        CheckExample("no validation action declared", manifest: "errors:\n  auth: halt\n", expect: .unknown),
    ]
}
