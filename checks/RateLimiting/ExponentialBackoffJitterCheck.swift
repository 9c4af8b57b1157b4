import PreflightModel

/// B4: retry delays grow exponentially with the attempt number and carry jitter.
public struct ExponentialBackoffJitterCheck: RetryRuleCheck {
    public init() {}

    public let item = CheckItem(
        id: "B4",
        name: "exponential-backoff-jitter",
        section: .rateLimiting,
        severity: .medium,
        summary: "Retry delays grow exponentially with the attempt number and carry jitter of at least ±500 ms.",
        rationale: """
            Fixed or linear delays keep hammering an exchange that is struggling, and delays without jitter make \
            every client that failed together retry together, so the retries arrive as one synchronised burst.
            """,
        rule: """
            fail unless the declared retry backoff is exponential, with jitter of at least ±500 ms (policy \
            min_jitter_ms: delays for the same attempt spread over at least twice that, 1000 ms; full jitter spreads \
            the first retry over base_ms, uniform over 2 × jitter_ms) and a ceiling (max_ms) no lower than the base \
            delay; fail \
            unless, across the retry chains in the logs, the median delay before attempt k+1 exceeds the median \
            before attempt k, and delays for the same attempt number spread over at least 1000 ms. Judged on \
            distributions, not single \
            chains: full jitter (a delay drawn between 0 and the exponential ceiling) is correct even when one \
            chain's second delay is shorter than its first. At least 5 chains must reach a third attempt. The \
            spread is estimated from the range of the delays for one attempt number, corrected for the sample \
            size ((n+1)/(n-1)): jitter fails only when even the widest spread the delays allow at 95% \
            confidence is under 1000 ms, and is unknown when the delays are too few to tell.
            """,
        remediation: """
            Compute the delay before attempt k as a random value between 0 and min(max_ms, base_ms * 2^k) \
            (full jitter) and declare retry.backoff: {kind: exponential, base_ms: 1000, max_ms: 16000, jitter: full} \
            in preflight.yml.
            """,
        evidenceSources: [.drill, .manifest, .logs],
        references: [
            "checklist B4",
            "https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/",
        ],
        frameworkRemediation: [
            "freqtrade": """
                freqtrade's backoff (n²+1 s on rate-limit errors only, no jitter) is built in: run each bot on its own key \
                so retries of several bots do not align, and record the accepted risk as a suppression for B4.
                """,
        ]
    )

    /// Fewer delays than this for an attempt number say nothing about its distribution.
    static let minimumChains = 5

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding { weigh(evidence, policy: policy) }

    let checkedInLogs = "delay growth and spread per attempt not checked against logs"
    let drillFaults = ["rate_limit", "platform_error"]

    func weighing(_ logs: LogEvidence, in evidence: Evidence) -> RetryLogObservation.Weighing {
        .init(
            overrulesDeclared: true,
            whenSilent: (.unknown, "Keep log samples with at least \(Self.minimumChains) retry chains that reach a third attempt (records with attempt and request_id), so the delays can be measured.")
        )
    }

    func observe(_ logs: LogEvidence, as witness: Witness, in evidence: Evidence, policy: Policy) -> RetryLogObservation {
        let facts = logs.retries
        let minJitter = policy.int(.minJitterMs)
        if let silent = RetryLogObservation.noRequests(facts, witness) { return silent }
        let format = RetryLogObservation.format
        let byAttempt = Dictionary(facts.delaysByAttempt.map { ($0.attempt, $0) }, uniquingKeysWith: { first, _ in first })
        let second = byAttempt[2]?.count ?? 0
        let third = byAttempt[3]?.count ?? 0
        guard second >= Self.minimumChains, third >= Self.minimumChains else {
            return .silent(
                "too few retry chains in \(witness.the) to judge the delays: \(second) delays before attempt 2 and \(third) before attempt 3; at least \(Self.minimumChains) of each are needed"
            )
        }
        let judged = facts.delaysByAttempt.filter { $0.count >= Self.minimumChains }
        let medians = judged.map { "\(format($0.medianMs)) ms before attempt \($0.attempt) (\($0.count) delays)" }
            .joined(separator: ", ")
        let spreads = facts.delaysByAttempt.compactMap { distribution in
            UniformSpreadEstimate(distribution).map { (distribution: distribution, spread: $0) }
        }
        let widest = spreads.max { $0.spread.estimateMs < $1.spread.estimateMs }!
        let spreadText = Self.spreadText(widest.distribution, widest.spread)
        let measured = "median delays \(medians); \(spreadText) (\(witness.tag))"
        var observation = RetryLogObservation.upheld(
            "retry delays grow with the attempt number (median \(medians)) and spread by about \(format(widest.spread.estimateMs)) ms for the same attempt",
            measured: measured, evidence: []
        )
        for (earlier, later) in zip(judged, judged.dropFirst()) where later.attempt == earlier.attempt + 1 {
            if later.medianMs <= earlier.medianMs {
                observation.fail(
                    "the median delay before attempt \(later.attempt) (\(format(later.medianMs)) ms) does not exceed the median before attempt \(earlier.attempt) (\(format(earlier.medianMs)) ms) across \(later.count) chains: delays do not grow",
                    fix: "Make the delay before attempt k grow exponentially (a random value between 0 and base_ms * 2^k, capped at max_ms); \(witness.the) show it flat or shrinking."
                )
                for location in later.examples { observation.cite(location, "delay before attempt \(later.attempt)") }
                break
            }
        }
        judgeSpread(widest, among: spreads.map(\.spread), minJitter: minJitter, into: &observation)
        if observation.outcome == .upheld {
            for location in judged.first?.examples ?? [] { observation.cite(location, "delay before attempt \(judged[0].attempt)") }
        }
        return observation
    }

    /// Jitter shows when some attempt number's delays spread (estimated) over twice the minimum; it is missing
    /// only when even the widest spread those delays allow (95% upper bound) falls short; between the two the
    /// delays are too few to tell.
    private func judgeSpread(
        _ widest: (distribution: RetryDelayDistribution, spread: UniformSpreadEstimate), among spreads: [UniformSpreadEstimate],
        minJitter: Int, into observation: inout RetryLogObservation
    ) {
        let minSpread = Double(2 * minJitter)
        let format = RetryLogObservation.format
        let (distribution, spread) = widest
        if spread.estimateMs >= minSpread { return }
        let loosest = spreads.map(\.upperBoundMs).max() ?? 0
        if loosest < minSpread {
            observation.fail(
                "delays for the same attempt number spread by only about \(format(spread.estimateMs)) ms (\(format(distribution.minMs))–\(format(distribution.maxMs)) ms over \(distribution.count) delays before attempt \(distribution.attempt); at most \(format(loosest)) ms at 95% confidence), about ±\(format(spread.estimateMs / 2)) ms; the minimum is ±\(minJitter) ms, a spread of \(format(minSpread)) ms",
                fix: "Add jitter to the retry delay (full jitter: a random value between 0 and the exponential ceiling, with base_ms at least \(format(minSpread))) so delays for the same attempt spread by at least \(format(minSpread)) ms."
            )
            for location in distribution.examples { observation.cite(location, "delay before attempt \(distribution.attempt)") }
        } else if observation.outcome == .upheld {
            observation.outcome = .silent
            observation.summary = "too few retry delays to tell whether they carry ±\(minJitter) ms of jitter: the widest, before attempt \(distribution.attempt), spread \(format(spread.rangeMs)) ms over \(distribution.count) delays, which fits a jitter window anywhere from about \(format(spread.estimateMs)) to \(format(spread.upperBoundMs)) ms (95%); the minimum is \(format(minSpread)) ms"
        }
    }

    private static func spreadText(_ distribution: RetryDelayDistribution, _ spread: UniformSpreadEstimate) -> String {
        let format = RetryLogObservation.format
        return "spread up to \(format(spread.estimateMs)) ms (range \(format(spread.rangeMs)) ms over \(distribution.count) delays before attempt \(distribution.attempt), at most \(format(spread.upperBoundMs)) ms at 95%)"
    }

    func declaredFinding(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let minJitter = policy.int(.minJitterMs)
        let minSpread = 2 * minJitter
        guard let backoff = manifest.retry?.backoff else {
            return .unknown(
                "no retry backoff declared (retry.backoff)",
                remediation: """
                    Add backoff: {kind: exponential, base_ms: \(minSpread), max_ms: \(minSpread * 16), jitter: full} to the \
                    retry section of \(manifest.path).
                    """
            )
        }

        var assessment = Assessment()
        assessment.cite(backoff.kind)
        assessment.cite(backoff.baseMs)
        assessment.cite(backoff.maxMs)
        assessment.cite(backoff.jitter)
        assessment.cite(backoff.jitterMs)

        Self.judgeDeclaredKind(backoff.kind, manifestPath: manifest.path, into: &assessment)
        let spread = backoff.jitterSpreadMs
        judgeDeclaredJitter(backoff, spread: spread, minJitter: minJitter, manifestPath: manifest.path, into: &assessment)

        if let base = backoff.baseMs, let max = backoff.maxMs, max.value < base.value {
            assessment.fail(
                "the ceiling (max_ms \(max.value)) is below the base delay (base_ms \(base.value)), so delays cannot grow",
                fix: "Raise retry.backoff.max_ms at \(max.location) above \(base.value), e.g. to \(base.value * 16)."
            )
        }

        let kindText = backoff.kind?.value.rawValue ?? "unknown"
        let jitterText = backoff.jitter?.value.rawValue ?? (backoff.jitterMs == nil ? "no" : "uniform")
        let spreadText = spread.map { "\($0) ms" } ?? "unknown"
        return assessment.finding(
            pass: "retry delays back off exponentially with \(jitterText) jitter spreading them by \(spreadText)",
            measured: "\(kindText) backoff, \(jitterText) jitter, spread \(spreadText) (declared)",
            expected: "exponential backoff, jitter at least ±\(minJitter) ms (spread \(minSpread) ms)"
        )
    }

    private static func judgeDeclaredKind(
        _ kind: Located<Backoff.Kind>?, manifestPath: String, into assessment: inout Assessment
    ) {
        guard let kind else {
            assessment.fail(
                "declares no backoff kind (retry.backoff.kind missing)",
                fix: "Add kind: exponential to retry.backoff in \(manifestPath)."
            )
            return
        }
        if kind.value != .exponential {
            assessment.fail(
                "retry delays are \(kind.value.rawValue), not exponential",
                fix: "Make the delay double with each attempt and set retry.backoff.kind at \(kind.location) to exponential."
            )
        }
    }

    /// The declared jitter must spread delays for the same attempt over twice the minimum; where the spread
    /// cannot be worked out, the missing key fails.
    private func judgeDeclaredJitter(
        _ backoff: Backoff, spread: Int?, minJitter: Int, manifestPath: String, into assessment: inout Assessment
    ) {
        let minSpread = 2 * minJitter
        if let jitter = backoff.jitter, jitter.value == .none {
            assessment.fail(
                "retry delays carry no jitter (retry.backoff.jitter is none)",
                fix: "Set retry.backoff.jitter at \(jitter.location) to full, with base_ms at least \(minSpread)."
            )
        } else if let spread {
            if spread < minSpread {
                assessment.fail(
                    "jitter moves delays for the same attempt by only ±\(spread / 2) ms (a spread of \(spread) ms); the minimum is ±\(minJitter) ms",
                    fix: widenFix(backoff, minSpread: minSpread, path: manifestPath)
                )
            }
        } else {
            switch backoff.jitter?.value {
            case nil, .uniform:
                assessment.fail(
                    "the jitter spread cannot be worked out; declare jitter_ms (retry.backoff.jitter_ms missing)",
                    fix: "Add jitter_ms: \(minJitter) to retry.backoff in \(manifestPath), or use jitter: full with base_ms at least \(minSpread)."
                )
            default:
                assessment.fail(
                    "the jitter spread cannot be worked out without a base delay (retry.backoff.base_ms missing)",
                    fix: "Add base_ms: \(minSpread) to retry.backoff in \(manifestPath)."
                )
            }
        }
    }

    /// The smallest change that brings the declared jitter up to the minimum spread.
    private func widenFix(_ backoff: Backoff, minSpread: Int, path: String) -> String {
        switch backoff.jitter?.value {
        case .full:
            let place = backoff.baseMs.map { "at \($0.location)" } ?? "in \(path)"
            return "Raise retry.backoff.base_ms \(place) to at least \(minSpread)."
        case .equal:
            let place = backoff.baseMs.map { "at \($0.location)" } ?? "in \(path)"
            return "Use jitter: full, or raise retry.backoff.base_ms \(place) to at least \(minSpread * 2)."
        case .decorrelated:
            let place = backoff.baseMs.map { "at \($0.location)" } ?? "in \(path)"
            return "Raise retry.backoff.base_ms \(place) to at least \((minSpread + 1) / 2)."
        case .uniform, nil:
            let place = backoff.jitterMs.map { "at \($0.location)" } ?? "in \(path)"
            return "Raise retry.backoff.jitter_ms \(place) to at least \((minSpread + 1) / 2), or use jitter: full with base_ms at least \(minSpread)."
        case .some(.none):
            return "Set retry.backoff.jitter to full, with base_ms at least \(minSpread)."
        }
    }
}
