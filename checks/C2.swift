import PreflightModel

/// C2: after a 429 the bot sends less, not the same load again.
public struct RateLimitBackpressureCheck: Check {
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
            or request rate in the window after a 429 than before it.
            """,
        remediation: """
            On a 429, lower the bot's in-flight count or request rate (back off for at least Retry-After) and \
            declare errors.rate_limit: backoff (or shed) in preflight.yml.
            """,
        evidenceSources: [.manifest, .logs],
        references: ["checklist C2", "https://developers.binance.com/docs/binance-spot-api-docs/rest-api/limits"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        guard let declared = manifest.errors?.rateLimit else {
            let remediation = manifest.errors == nil
                ? "Add an errors section to \(manifest.path) with rate_limit: backoff, and make the client lower its request rate after a 429."
                : "Add rate_limit: backoff to the errors section of \(manifest.path), and make the client lower its request rate after a 429."
            return .unknown(
                "no action declared for rate-limit responses (errors.rate_limit) and \(MissingEvidence.logs)",
                remediation: remediation
            )
        }
        var assessment = Assessment()
        assessment.cite(.declared(declared, "errors.rate_limit = \(declared.value.rawValue)"))
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
        assessment.note("load shedding after a 429 not checked against logs: \(MissingEvidence.logs)")
        return assessment.finding(
            pass: "lowers its load after a 429 (errors.rate_limit: \(action))",
            measured: "errors.rate_limit: \(action) (declared)",
            expected: "errors.rate_limit: backoff, shed, halt or drop"
        )
    }

    public let examples: [CheckExample] = [
        CheckExample("backs off after a 429", manifest: "errors:\n  rate_limit: backoff\n", expect: .pass),
        CheckExample("sheds load after a 429", manifest: "errors:\n  rate_limit: shed\n", expect: .pass),
        CheckExample(
            "retries at the same pace",
            manifest: "errors:\n  rate_limit: retry\n",
            expect: .fail,
            mentioning: "keeps the same load after a 429"
        ),
        CheckExample(
            "ignores 429s",
            manifest: "errors:\n  rate_limit: ignore\n",
            expect: .fail,
            mentioning: "keeps the same load after a 429"
        ),
        CheckExample(
            "retries, then escalates",
            manifest: "errors:\n  rate_limit: retry_then_escalate\n",
            expect: .warn,
            mentioning: "does not say it lowers its request rate"
        ),
        CheckExample("no rate-limit action declared", manifest: "errors:\n  auth: halt\n", expect: .unknown),
    ]
}
