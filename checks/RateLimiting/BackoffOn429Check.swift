import PreflightModel

/// B2: after a rate-limit response the bot waits at least Retry-After and at least the backoff floor.
public struct BackoffOn429Check: RetryRuleCheck {
    public init() {}

    public let item = CheckItem(
        id: "B2",
        name: "backoff-on-429",
        section: .rateLimiting,
        severity: .high,
        summary: "After a 429 or 418 the bot waits at least as long as Retry-After, and never less than 500 ms, before it tries again.",
        rationale: """
            A 429 is the exchange asking the bot to slow down; retrying at once earns a 418 and an IP ban that \
            takes every endpoint away, cancels included. Retry-After says how long the exchange needs.
            """,
        rule: """
            fail unless retry.respect_retry_after is true and a backoff with a base delay of at least 500 ms \
            (policy backoff_floor_ms) is declared; fail if any retry after a 429, 418 or exchange rate-limit code \
            came sooner than Retry-After or the floor; warn if 429s are declared to be handled but the logs hold \
            none to prove it.
            """,
        remediation: """
            On a 429 or 418, wait max(Retry-After, the backoff delay) before the next request to that endpoint \
            class; declare retry.respect_retry_after: true and retry.backoff.base_ms: 500 or more in preflight.yml.
            """,
        evidenceSources: [.drill, .logs, .manifest],
        references: ["checklist B2", "https://developers.binance.com/docs/binance-spot-api-docs/rest-api/limits"],
        frameworkRemediation: [
            "freqtrade": """
                freqtrade's retrier waits n²+1 s after an HTTP 429 or 418 (and retries a -1003 sent with another status \
                at once) and ignores Retry-After; this is built in. Keep \
                exchange.ccxt_config.enableRateLimit true and rateLimit at or above the exchange's budget (Binance: 200 ms) \
                so 429s stay rare, and record the accepted risk as a suppression for B2 with an owner and expiry.
                """,
        ]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding { weigh(evidence, policy: policy) }

    let checkedInLogs = "the waits after 429s not checked against logs"
    let drillFaults = ["rate_limit", "ban"]

    func weighing(_ logs: LogEvidence, in evidence: Evidence) -> RetryLogObservation.Weighing {
        let facts = logs.retries
        // Declared handling with no 429 in the logs is only a claim: warn, as the rule says.
        let unproven = facts.rateLimit.responses.isEmpty
        // Logs that never show a Retry-After cannot show it honoured: a declared (or built-in) refusal stands.
        let declaredHonours = evidence.manifest.retry?.respectRetryAfter?.value == true
        return .init(
            overrulesDeclared: declaredHonours || facts.rateLimit.withKnownRetryAfter > 0,
            whenSilent: unproven
                ? (.warn, "Keep log samples that include rate-limit responses (429, 418 or the exchange's rate-limit codes) and the retries after them, so the wait can be checked.")
                : nil
        )
    }

    func observe(_ logs: LogEvidence, as witness: Witness, in evidence: Evidence, policy: Policy) -> RetryLogObservation {
        let facts = logs.retries
        let exchange = evidence.manifest.bot.exchange.value
        let floor = RetryLogObservation.format(facts.rateLimit.floorMs)
        if facts.attempts.requests == 0 {
            return .silent("nothing in \(witness.the) proves the 429 handling: they hold no api_request, order_submit or order_cancel records")
        }
        if facts.rateLimit.responses.isEmpty {
            return .silent("nothing in \(witness.the) proves the 429 handling: no 429, 418 or rate-limit code among \(facts.attempts.requests) requests")
        }
        guard facts.rateLimit.retries > 0 else {
            var silent = RetryLogObservation.silent(
                "\(witness.the) hold \(facts.rateLimit.responses.count) rate-limit responses but no retry linked to one (by request_id, client_order_id or attempt)"
            )
            silent.cite(facts.rateLimit.responses, "rate-limit response")
            return silent
        }
        let shortest = facts.rateLimit.shortestWaitMs.map { "\(RetryLogObservation.format($0)) ms" } ?? "unknown"
        let retries = facts.rateLimit.retries
        let unseen = retries - facts.rateLimit.withKnownRetryAfter
        let visibility = unseen == 0
            ? ""
            : "; Retry-After was not visible for \(unseen == retries ? "any" : "\(unseen)") of them, so \(unseen == retries ? "they were" : "those were") held to the floor alone"
        let measured = "\(Self.earlyRetries(facts.rateLimit, exchange: exchange).count) of \(retries) retries after a rate-limit response came early; shortest wait \(shortest)\(visibility) (\(witness.tag))"
        let upheld = unseen == retries
            ? "every one of the \(retries) retries after a rate-limit response in \(witness.the) waited at least the \(floor) ms floor (shortest wait \(shortest)); \(witness.the) carry no Retry-After, so they cannot show it was honoured"
            : "every one of the \(retries) retries after a rate-limit response in \(witness.the) waited at least Retry-After and \(floor) ms (shortest wait \(shortest))\(visibility)"
        var observation = RetryLogObservation.upheld(upheld, measured: measured, evidence: [])
        if unseen > 0 {
            observation.notes.append("Retry-After not visible in \(witness.the) for \(unseen) of \(retries) retries: log the Retry-After each rate-limit answer carried (retry_after, seconds) so the wait can be held to it")
        }
        let early = Self.earlyRetries(facts.rateLimit, exchange: exchange)
        if !early.isEmpty {
            observation.fail(
                on: early, "retried \(early.count) of \(facts.rateLimit.retries) times sooner than Retry-After or the \(floor) ms floor after a rate-limit response",
                fix: "Wait max(Retry-After, \(floor) ms) after a 429, 418 or rate-limit code before the next attempt; \(witness.the) show the bot retrying sooner\(RetryLogObservation.at(early)).",
                citing: "early retry"
            )
        } else {
            observation.cite(facts.rateLimit.responses, "rate-limit response")
        }
        observation.measured = measured
        return observation
    }

    /// The early retries as a tally, each worded with what it waited and what it should have waited.
    static func earlyRetries(_ facts: RateLimitRetryFacts, exchange: Exchange) -> LogRecordTally {
        let floor = RetryLogObservation.format(facts.floorMs)
        return LogRecordTally(count: facts.earlyCount, samples: facts.early.map { wait in
            let retryAfter: String
            if let logged = wait.loggedRetryAfterSeconds {
                retryAfter = "Retry-After \(RetryLogObservation.format(logged * 1000)) ms"
            } else if let documented = wait.documentedRetryAfterSeconds {
                retryAfter = "no Retry-After logged; \(exchange.rawValue) documents \(RetryLogObservation.format(documented)) s"
            } else {
                retryAfter = "Retry-After not logged"
            }
            return LogSample(wait.location, detail: "attempt \(wait.attempt) came \(RetryLogObservation.format(wait.waitMs)) ms after \(wait.previousResponse) on line \(wait.previousLine) (\(retryAfter), floor \(floor) ms)")
        })
    }

    func declaredFinding(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let floor = policy.int(.backoffFloorMs)
        guard let retry = manifest.retry else {
            return .unknown(
                "no rate-limit handling declared (retry section)",
                remediation: """
                    Add a retry section to \(manifest.path) with respect_retry_after: true and \
                    backoff: {kind: exponential, base_ms: \(floor)}.
                    """
            )
        }

        var assessment = Assessment()
        assessment.cite(retry.respectRetryAfter)
        assessment.cite(retry.backoff?.kind)
        assessment.cite(retry.backoff?.baseMs)

        Self.judgeDeclaredRetryAfter(retry.respectRetryAfter, manifestPath: manifest.path, into: &assessment)
        Self.judgeDeclaredBackoff(retry.backoff, floor: floor, manifestPath: manifest.path, into: &assessment)

        let baseText = retry.backoff?.baseMs.map { "\($0.value) ms" } ?? "none"
        let respectText = retry.respectRetryAfter.map { "\($0.value)" } ?? "missing"
        return assessment.finding(
            pass: "honours Retry-After and waits at least \(baseText) after a 429",
            measured: "base delay \(baseText), respect_retry_after \(respectText) (declared)",
            expected: "respect_retry_after true, base delay at least \(floor) ms"
        )
    }

    private static func judgeDeclaredRetryAfter(
        _ respect: Located<Bool>?, manifestPath: String, into assessment: inout Assessment
    ) {
        assessment.requireTrue(
            respect, key: "retry.respect_retry_after",
            missing: ("does not declare that it honours Retry-After (retry.respect_retry_after missing)",
                      "Add respect_retry_after: true to the retry section of \(manifestPath)."),
            whenFalse: ("ignores Retry-After (retry.respect_retry_after is false)",
                        "Make the bot wait at least Retry-After after a 429 or 418")
        )
    }

    /// The base delay is what the bot waits after the first 429, so it is the floor.
    private static func judgeDeclaredBackoff(
        _ backoff: Backoff?, floor: Int, manifestPath: String, into assessment: inout Assessment
    ) {
        guard let backoff else {
            assessment.fail(
                "declares no backoff between retries (retry.backoff missing)",
                fix: "Add backoff: {kind: exponential, base_ms: \(floor)} to the retry section of \(manifestPath)."
            )
            return
        }
        if let kind = backoff.kind, kind.value == .none {
            assessment.fail(
                "retries without backoff (retry.backoff.kind is none)",
                fix: "Set retry.backoff.kind at \(kind.location) to exponential, with base_ms: \(floor) or more."
            )
        }
        if let base = backoff.baseMs {
            if base.value < floor {
                assessment.fail(
                    "waits \(base.value) ms before a retry after a 429; the floor is \(floor) ms",
                    fix: "Raise retry.backoff.base_ms at \(base.location) to at least \(floor)."
                )
            }
        } else {
            assessment.fail(
                "declares no base delay (retry.backoff.base_ms missing), so the wait after a 429 is unknown",
                fix: "Add base_ms: \(floor) to retry.backoff in \(manifestPath)."
            )
        }
    }
}
