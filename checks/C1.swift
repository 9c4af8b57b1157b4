import PreflightModel

/// C1: a failed authentication stops the bot instead of being retried.
public struct AuthFailureStopsCheck: Check {
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
            signature or timestamp error code was retried, or no escalation/halt record follows it in the logs.
            """,
        remediation: """
            Make the bot's HTTP client stop on 401/403 and the exchange's auth, signature and timestamp codes, \
            alert a human, and declare errors.auth: halt in preflight.yml.
            """,
        evidenceSources: [.manifest, .logs],
        references: ["checklist C1", "https://developers.binance.com/docs/binance-spot-api-docs/errors"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let codes = Self.authCodes(manifest.bot.exchange.value)
        guard let declared = manifest.errors?.auth else {
            let remediation = manifest.errors == nil
                ? "Add an errors section to \(manifest.path) with auth: halt, and make the client stop on 401/403 and \(codes)."
                : "Add auth: halt to the errors section of \(manifest.path), and make the client stop on 401/403 and \(codes)."
            return .unknown(
                "no action declared for auth failures (errors.auth) and \(MissingEvidence.logs)",
                remediation: remediation
            )
        }
        var assessment = Assessment()
        assessment.cite(.declared(declared, "errors.auth = \(declared.value.rawValue)"))
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
        assessment.note("retries after 401/403 and the escalation record not checked against logs: \(MissingEvidence.logs)")
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

    public let examples: [CheckExample] = [
        CheckExample("halts on auth failure", manifest: "errors:\n  auth: halt\n", expect: .pass),
        CheckExample("escalates on auth failure", manifest: "errors:\n  auth: escalate\n", expect: .pass),
        CheckExample(
            "retries auth failures",
            manifest: "errors:\n  auth: retry\n",
            expect: .fail,
            mentioning: "auth failures are retried"
        ),
        CheckExample(
            "retries, then halts",
            manifest: "errors:\n  auth: retry_then_halt\n",
            expect: .fail,
            mentioning: "auth failures are retried"
        ),
        CheckExample(
            "ignores auth failures",
            manifest: "errors:\n  auth: ignore\n",
            expect: .fail,
            mentioning: "neither halt nor escalate"
        ),
        CheckExample("no auth action declared", manifest: "errors:\n  validation: drop\n", expect: .unknown),
        CheckExample("no errors section", manifest: "retry:\n  max_attempts: 3\n", expect: .unknown),
    ]
}
