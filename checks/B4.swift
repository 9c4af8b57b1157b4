import PreflightModel

/// B4: retry delays grow exponentially with the attempt number and carry jitter.
public struct ExponentialBackoffJitterCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "B4",
        name: "exponential-backoff-jitter",
        section: .rateLimiting,
        severity: .medium,
        summary: "Retry delays grow exponentially with the attempt number and are spread by jitter of at least 500 ms.",
        rationale: """
            Fixed or linear delays keep hammering an exchange that is struggling, and delays without jitter make \
            every client that failed together retry together, so the retries arrive as one synchronised burst.
            """,
        rule: """
            fail unless the declared retry backoff is exponential, with jitter whose spread for the same attempt \
            is at least 500 ms (policy min_jitter_ms) and a ceiling (max_ms) no lower than the base delay; fail \
            unless, across the retry chains in the logs, the median delay before attempt k+1 exceeds the median \
            before attempt k, and delays for the same attempt number spread. Judged on distributions, not single \
            chains: full jitter (a delay drawn between 0 and the exponential ceiling) is correct even when one \
            chain's second delay is shorter than its first.
            """,
        remediation: """
            Compute the delay before attempt k as a random value between 0 and min(max_ms, base_ms * 2^k) \
            (full jitter) and declare retry.backoff: {kind: exponential, base_ms: 500, max_ms: 8000, jitter: full} \
            in preflight.yml.
            """,
        evidenceSources: [.manifest, .logs],
        references: [
            "checklist B4",
            "https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/",
        ]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let minSpread = policy.int(.minJitterMs)
        guard let backoff = manifest.retry?.backoff else {
            return .unknown(
                "no retry backoff declared (retry.backoff) and \(MissingEvidence.logs)",
                remediation: """
                    Add backoff: {kind: exponential, base_ms: \(minSpread), max_ms: 8000, jitter: full} to the \
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

        if let kind = backoff.kind {
            if kind.value != .exponential {
                assessment.fail(
                    "retry delays are \(kind.value.rawValue), not exponential",
                    fix: "Make the delay double with each attempt and set retry.backoff.kind at \(kind.location) to exponential."
                )
            }
        } else {
            assessment.fail(
                "declares no backoff kind (retry.backoff.kind missing)",
                fix: "Add kind: exponential to retry.backoff in \(manifest.path)."
            )
        }

        let spread = backoff.jitterSpreadMs
        if let jitter = backoff.jitter, jitter.value == .none {
            assessment.fail(
                "retry delays carry no jitter (retry.backoff.jitter is none)",
                fix: "Set retry.backoff.jitter at \(jitter.location) to full, with base_ms at least \(minSpread)."
            )
        } else if let spread {
            if spread < minSpread {
                assessment.fail(
                    "jitter spreads delays for the same attempt by only \(spread) ms; the minimum is \(minSpread) ms",
                    fix: widenFix(backoff, minSpread: minSpread, path: manifest.path)
                )
            }
        } else {
            switch backoff.jitter?.value {
            case nil, .uniform:
                assessment.fail(
                    "the jitter spread cannot be worked out; declare jitter_ms (retry.backoff.jitter_ms missing)",
                    fix: "Add jitter_ms: \((minSpread + 1) / 2) to retry.backoff in \(manifest.path), or use jitter: full with base_ms at least \(minSpread)."
                )
            default:
                assessment.fail(
                    "the jitter spread cannot be worked out without a base delay (retry.backoff.base_ms missing)",
                    fix: "Add base_ms: \(minSpread) to retry.backoff in \(manifest.path)."
                )
            }
        }

        if let base = backoff.baseMs, let max = backoff.maxMs, max.value < base.value {
            assessment.fail(
                "the ceiling (max_ms \(max.value)) is below the base delay (base_ms \(base.value)), so delays cannot grow",
                fix: "Raise retry.backoff.max_ms at \(max.location) above \(base.value), e.g. to \(base.value * 16)."
            )
        }

        let kindText = backoff.kind?.value.rawValue ?? "unknown"
        let jitterText = backoff.jitter?.value.rawValue ?? (backoff.jitterMs == nil ? "no" : "uniform")
        let spreadText = spread.map { "\($0) ms" } ?? "unknown"
        if !assessment.hasFailures {
            assessment.note("delay growth and spread per attempt not checked against logs: \(MissingEvidence.logs)")
        }
        return assessment.finding(
            pass: "retry delays back off exponentially with \(jitterText) jitter spreading them by \(spreadText)",
            measured: "\(kindText) backoff, \(jitterText) jitter, spread \(spreadText) (declared)",
            expected: "exponential backoff, jitter spread at least \(minSpread) ms"
        )
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

    public let examples: [CheckExample] = [
        CheckExample(
            "exponential with full jitter",
            manifest: "retry:\n  backoff:\n    kind: exponential\n    base_ms: 500\n    max_ms: 8000\n    jitter: full\n",
            expect: .pass
        ),
        CheckExample(
            "exponential with uniform jitter of 500 ms",
            manifest: "retry:\n  backoff:\n    kind: exponential\n    base_ms: 500\n    max_ms: 8000\n    jitter: uniform\n    jitter_ms: 500\n",
            expect: .pass
        ),
        CheckExample(
            "constant delays",
            manifest: "retry:\n  backoff:\n    kind: constant\n    base_ms: 1000\n    jitter: full\n",
            expect: .fail, mentioning: "not exponential"
        ),
        CheckExample(
            "no jitter",
            manifest: "retry:\n  backoff:\n    kind: exponential\n    base_ms: 500\n    max_ms: 8000\n    jitter: none\n",
            expect: .fail, mentioning: "no jitter"
        ),
        CheckExample(
            "uniform jitter without jitter_ms",
            manifest: "retry:\n  backoff:\n    kind: exponential\n    base_ms: 500\n    max_ms: 8000\n    jitter: uniform\n",
            expect: .fail, mentioning: "declare jitter_ms"
        ),
        CheckExample(
            "jitter too narrow",
            manifest: "retry:\n  backoff:\n    kind: exponential\n    base_ms: 500\n    max_ms: 8000\n    jitter: uniform\n    jitter_ms: 100\n",
            expect: .fail, mentioning: "only 200 ms"
        ),
        CheckExample(
            "ceiling below the base delay",
            manifest: "retry:\n  backoff:\n    kind: exponential\n    base_ms: 1000\n    max_ms: 500\n    jitter: full\n",
            expect: .fail, mentioning: "below the base delay"
        ),
        CheckExample("no backoff declared", manifest: "retry:\n  max_attempts: 3\n", expect: .unknown),
    ]
}
