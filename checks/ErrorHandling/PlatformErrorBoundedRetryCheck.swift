import PreflightModel

/// C3: 5xx and timeouts get a bounded retry that ends in an escalation, and an order with an unknown outcome
/// is never placed twice.
public struct PlatformErrorBoundedRetryCheck: RetryRuleCheck {
    public init() {}

    public let item = CheckItem(
        id: "C3",
        name: "platform-error-bounded-retry",
        section: .errorHandling,
        severity: .critical,
        summary: """
            A 5xx or timeout is retried within the budget, then escalated or halted; an order whose outcome is \
            unknown is re-sent only under the same client order id or after its status was queried.
            """,
        rationale: """
            An exchange outage is the moment a bot most needs a human: endless retries hide it, and silent \
            give-ups leave the strategy half-done. An order that timed out or got a 5xx may still have been \
            executed, so a re-send under a new id can double the position.
            """,
        rule: """
            fail unless errors.platform ends in an escalation or halt (retry_then_escalate, retry_then_halt, \
            escalate, halt); fail if retry.max_attempts exceeds 3 (policy max_attempts); for a trading bot, fail \
            if orders.on_unknown_outcome is resend_new_id or missing, or resend_same_id without client order ids, \
            and warn on abandon; fail if 5xx or timeout retries in the logs exceed the budget or the budget ends \
            without an escalation record within 60 s, or an order that timed out or got a 5xx is re-sent under a new \
            client order id before its status was queried, or (drill) an order a crash left open is placed \
            again by the bot's next process.
            """,
        remediation: """
            Retry a 5xx or timeout at most 3 times, then alert a human (or halt); query the status of an order \
            whose outcome is unknown before re-sending it. Declare errors.platform: retry_then_escalate and \
            orders.on_unknown_outcome: query_status in preflight.yml.
            """,
        evidenceSources: [.drill, .manifest, .logs],
        references: [
            "checklist C3",
            "https://aws.amazon.com/builders-library/making-retries-safe-with-idempotent-APIs/",
        ],
        frameworkRemediation: [
            "freqtrade": """
                freqtrade gives up on a temporary error after its retries without an escalation, and an entry whose \
                create_order timed out is dropped and placed again by a later loop without a status query: enable telegram \
                (telegram.enabled: true) with warning and exception notifications on, so a given-up call reaches a person, \
                and record the double-order risk as a suppression for C3 with an owner and expiry.
                """,
        ]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let finding = weigh(evidence, policy: policy)
        guard finding.status != .notApplicable else { return finding }
        let escalated = Self.escalationsInTheLogs.weigh(
            evidence, over: finding, giveUps: { $0.platform.chainsGivenUp }, missing: { $0.platform.chainsWithoutEscalation }
        )
        return DrillRestartVerdict(evidence.drill)?.weighReplacement(over: escalated) ?? escalated
    }

    /// After a drill the wire judged the retries; whether each give-up was escalated is in the bot's logs.
    static let escalationsInTheLogs = EscalationsInTheLogs(
        one: "request that gave up after a 5xx or timeout", many: "requests that gave up after a 5xx or timeout",
        remediation: "When the retries for a 5xx or timeout run out, alert a human (or halt) and log it as an escalation record."
    )

    let checkedInLogs = "5xx and timeout retries and escalation records not checked against logs"
    let drillFaults = ["platform_error", "lost_response"]

    /// Declared gaps (no escalation policy, resend_new_id) are not contradicted by logs that happen to be fine.
    func weighing(_ logs: LogEvidence, in evidence: Evidence) -> RetryLogObservation.Weighing {
        .init(overrulesDeclared: false)
    }

    func observe(_ logs: LogEvidence, as witness: Witness, in evidence: Evidence, policy: Policy) -> RetryLogObservation {
        let facts = logs.retries
        let limit = policy.int(.maxAttempts)
        if let silent = RetryLogObservation.noRequests(facts, witness) { return silent }
        let window = Int(facts.escalationWindowSeconds)
        let failures = facts.platform.failures
        // Escalation records are the bot's own: the wire cannot hold them, so a drill takes them from the
        // bot's logs (evaluate), and the wire judges the retries and re-sends alone.
        let seesEscalations = witness.source != .drill
        var parts = ["\(witness.the)' \(failures.count) 5xx and timeout responses were retried within \(limit) attempts"]
        if seesEscalations, facts.platform.chainsEscalated > 0 {
            parts.append("each of the \(facts.platform.chainsEscalated) requests that gave up was escalated")
        }
        if !facts.platform.unknownOutcomeOrders.isEmpty {
            parts.append("no order with an unknown outcome was re-sent under a new id (\(facts.platform.resentUnderSameID) re-sent under the same id, \(facts.platform.statusQueriedFirst) queried first)")
        }
        var observation = RetryLogObservation.upheld(
            parts.joined(separator: "; "),
            measured: "\(failures.count) 5xx/timeouts, at most \(facts.platform.mostAttempts.first?.attempts ?? 0) attempts after one, "
                + (seesEscalations ? "\(facts.platform.chainsWithoutEscalation.count) of \(facts.platform.chainsGivenUp) give-ups without escalation, " : "")
                + "\(facts.platform.resentUnderNewID.count) re-sends under a new id (\(witness.tag))",
            evidence: []
        )
        let resent = facts.platform.resentUnderNewID
        if !resent.isEmpty {
            observation.fail(
                on: resent, "re-sent \(resent.count) orders with an unknown outcome under a new client order id: double-order risk",
                fix: "After a timeout or 5xx on an order, query its status (or re-send it under the same client order id) before placing it again (as \(witness.the) show\(RetryLogObservation.at(resent))).",
                citing: "re-sent under a new id"
            )
        }
        let over = facts.platform.chainAttempts.filter { $0.key > limit }.values.reduce(0, +)
        let worst = facts.platform.mostAttempts.filter { $0.attempts > limit }
        if over > 0, let first = worst.first {
            observation.fail(
                "logs show \(first.attempts) attempts after a 5xx or timeout\(first.endpoint.map { " on \($0)" } ?? "") at \(first.location); the budget is \(limit) (\(over) requests over it)",
                fix: "Stop retrying a 5xx or timeout after \(limit) attempts (the request at \(first.location) made \(first.attempts)), then escalate or halt."
            )
            for chain in worst { observation.cite(chain.location, "\(chain.attempts) attempts after a 5xx or timeout") }
        }
        let missing = seesEscalations ? facts.platform.chainsWithoutEscalation : LogRecordTally()
        if !missing.isEmpty {
            observation.fail(
                "\(missing.count) of \(facts.platform.chainsGivenUp) requests gave up after a 5xx or timeout without an escalation record within \(window) s\(RetryLogObservation.at(missing))",
                fix: Self.escalationsInTheLogs.remediation
            )
            observation.cite(missing, "gave up without escalation")
        }
        if observation.outcome == .upheld {
            if failures.isEmpty {
                return .silent("\(witness.the) hold no 5xx or timeout among \(facts.attempts.requests) requests, so the retry budget and the escalation after it are not confirmed")
            }
            observation.cite(failures, "5xx or timeout")
        }
        if seesEscalations, facts.platform.chainsUndecided > 0 {
            observation.notes.append("\(facts.platform.chainsUndecided) requests failed with a 5xx or timeout too near the end of \(witness.the) to see what followed")
        }
        return observation
    }

    func declaredFinding(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let limit = policy.int(.maxAttempts)
        var assessment = Assessment()

        let platform = manifest.errors?.platform
        let retries = platform.map { Self.judgeDeclaredPlatform($0, into: &assessment) } ?? false
        let maxAttempts = manifest.retry?.maxAttempts
        Self.judgeRetryBudget(maxAttempts, retries: retries, limit: limit, manifestPath: manifest.path, into: &assessment)

        let trading = manifest.bot.effectiveMode == .trading
        // With no orders section at all the order half of the rule is undeclared, not violated.
        let ordersUndeclared = trading && manifest.orders == nil
        if trading, !ordersUndeclared {
            judgeUnknownOutcome(manifest, into: &assessment)
        } else if !trading {
            if let mode = manifest.bot.mode { assessment.cite(.declared(mode, "bot.mode = \(mode.value.rawValue)")) }
            assessment.note("orders with an unknown outcome not applicable: the bot is read-only")
        }

        guard let platform else { return Self.undeclaredPlatform(assessment, manifest: manifest) }
        if ordersUndeclared, !assessment.hasFailures {
            return assessment.unknown(
                "no policy declared for orders whose outcome is unknown (orders section)",
                remediation: "Add an orders section to \(manifest.path) with on_unknown_outcome: query_status, and query an order's status after a timeout or 5xx before re-sending it."
            )
        }
        let ending = platform.value == .halt || platform.value == .retryThenHalt ? "halts" : "escalates"
        let handling = retries ? "retries a 5xx or timeout at most \(maxAttempts?.value ?? limit) times, then \(ending)" : "\(ending) on a 5xx or timeout"
        let ordersPart = trading
            ? ", and \(Self.describe(manifest.orders?.onUnknownOutcome?.value))"
            : ""
        var measured = "errors.platform: \(platform.value.rawValue)"
        if let maxAttempts { measured += ", retry.max_attempts: \(maxAttempts.value)" }
        if trading, let outcome = manifest.orders?.onUnknownOutcome {
            measured += ", orders.on_unknown_outcome: \(outcome.value.rawValue)"
        }
        return assessment.finding(
            pass: handling + ordersPart,
            measured: measured + " (declared)",
            expected: "at most \(limit) attempts, then escalate or halt"
                + (trading ? "; query_status or resend_same_id with client order ids" : "")
        )
    }

    /// Cites errors.platform and fails an action that ends the retries without an escalation; returns
    /// whether the action retries.
    private static func judgeDeclaredPlatform(
        _ platform: Located<ErrorHandlingSection.Action>, into assessment: inout Assessment
    ) -> Bool {
        assessment.cite(.declared(platform, "errors.platform = \(platform.value.rawValue)"))
        switch platform.value {
        case .retryThenEscalate, .retryThenHalt:
            return true
        case .escalate, .halt:
            return false
        case .retry, .ignore, .backoff, .shed, .drop:
            assessment.fail(
                "platform errors (5xx, timeouts) are handled with \(platform.value.rawValue): the retry budget ends without an escalation",
                fix: "Alert a human (or halt) once the retries for a 5xx or timeout run out, and set errors.platform: retry_then_escalate at \(platform.location)."
            )
            return platform.value == .retry || platform.value == .backoff
        }
    }

    /// retry.max_attempts over the budget fails; a bot that retries without declaring it warns.
    private static func judgeRetryBudget(
        _ maxAttempts: Located<Int>?, retries: Bool, limit: Int, manifestPath: String, into assessment: inout Assessment
    ) {
        if let maxAttempts, maxAttempts.value > limit {
            assessment.cite(maxAttempts)
            assessment.fail(
                "retries a 5xx or timeout up to \(maxAttempts.value) attempts; the budget is \(limit)",
                fix: "Lower the bot's retry limit to \(limit) attempts and set retry.max_attempts: \(limit) at \(maxAttempts.location)."
            )
        } else if retries {
            if let maxAttempts {
                assessment.cite(maxAttempts)
            } else {
                assessment.warn(
                    "retries platform errors but declares no retry budget (retry.max_attempts)",
                    fix: "Cap attempts at \(limit) and declare retry.max_attempts: \(limit) in \(manifestPath)."
                )
            }
        }
    }

    /// No errors.platform: a declared violation in the order part still fails; otherwise the item cannot be decided.
    private static func undeclaredPlatform(_ assessment: Assessment, manifest: Manifest) -> Finding {
        let add = ErrorsDeclaration.addition("platform", "retry_then_escalate", to: manifest) + "."
        let missing = "no action declared for platform errors (errors.platform)"
        var finding = assessment.finding(pass: missing)
        finding.remediation = [finding.remediation, add].compactMap { $0 }.joined(separator: " ")
        if assessment.hasFailures {
            finding.details.append(missing)
        } else {
            finding.status = .unknown
            finding.details = assessment.problems.map(\.message) + assessment.notes
            finding.summary = "\(missing)"
        }
        return finding
    }

    private func judgeUnknownOutcome(_ manifest: Manifest, into assessment: inout Assessment) {
        guard let outcome = manifest.orders?.onUnknownOutcome else {
            assessment.fail(
                "does not declare what it does with an order whose outcome is unknown (orders.on_unknown_outcome)",
                fix: manifest.orders == nil
                    ? "Add an orders section to \(manifest.path) with on_unknown_outcome: query_status, and query an order's status after a timeout or 5xx before re-sending it."
                    : "Add on_unknown_outcome: query_status to the orders section of \(manifest.path), and query an order's status after a timeout or 5xx before re-sending it."
            )
            return
        }
        assessment.cite(.declared(outcome, "orders.on_unknown_outcome = \(outcome.value.rawValue)"))
        switch outcome.value {
        case .queryStatus:
            break
        case .resendNewID:
            assessment.fail(
                "re-sends an order whose outcome is unknown under a new client order id: double-order risk",
                fix: """
                    A timed-out or 5xx order may have been executed: query its status, or re-send only under the same \
                    client order id; set orders.on_unknown_outcome: query_status at \(outcome.location).
                    """
            )
        case .abandon:
            assessment.warn(
                "abandons an order whose outcome is unknown without querying its status",
                fix: "Query the order's status after a timeout or 5xx so the bot knows its position; set orders.on_unknown_outcome: query_status at \(outcome.location)."
            )
        case .resendSameID:
            let ids = manifest.orders?.clientOrderIDs
            assessment.cite(ids)
            if ids?.value != true {
                let place = ids.map { "set orders.client_order_ids: true at \($0.location)" }
                    ?? "add client_order_ids: true to the orders section of \(manifest.path)"
                assessment.fail(
                    "re-sends an order whose outcome is unknown under the same client order id, but orders.client_order_ids is not true",
                    fix: "Send a client order id with every placement so the exchange rejects the duplicate, and \(place); or set orders.on_unknown_outcome: query_status at \(outcome.location)."
                )
            }
        }
    }

    private static func describe(_ outcome: OrdersSection.UnknownOutcome?) -> String {
        switch outcome {
        case .queryStatus: "queries the status of an order whose outcome is unknown"
        case .resendSameID: "re-sends an order whose outcome is unknown only under its client order id"
        case .abandon: "abandons an order whose outcome is unknown"
        case .resendNewID, nil: "does not safely handle an order whose outcome is unknown"
        }
    }
}
