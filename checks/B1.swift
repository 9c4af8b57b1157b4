import PreflightModel

/// B1: requests in flight at once are capped per endpoint class.
public struct ConcurrencyCapsCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "B1",
        name: "concurrency-caps",
        section: .rateLimiting,
        severity: .high,
        summary: "Requests in flight at once are capped per endpoint class: at most 2 signed (private) and 4 public.",
        rationale: """
            Exchanges weigh and limit requests per key and per IP. A bot that fires requests without a cap bursts \
            through those limits on every market spike, collects 429s and bans, and loses the private budget it \
            needs to cancel orders.
            """,
        rule: """
            fail if a declared cap is missing, below 1, or above private 2 / public 4 (policy \
            max_private_inflight / max_public_inflight); fail if the logs show more requests in flight per class \
            than the cap (a record's concurrency_inflight, or overlapping request intervals).
            """,
        remediation: """
            Put a semaphore per endpoint class in the bot's HTTP client (2 for signed, 4 for public requests) and \
            declare concurrency.private: 2 and concurrency.public: 4 in preflight.yml.
            """,
        evidenceSources: [.manifest, .logs],
        references: ["checklist B1"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let privateLimit = policy.int(.maxPrivateInflight)
        let publicLimit = policy.int(.maxPublicInflight)
        guard let concurrency = manifest.concurrency else {
            return .unknown(
                "no concurrency caps declared (concurrency section) and \(MissingEvidence.logs)",
                remediation: """
                    Add a concurrency section to \(manifest.path) with private: \(privateLimit) and \
                    public: \(publicLimit).
                    """
            )
        }

        var assessment = Assessment()
        assessment.cite(concurrency.privateRequests)
        assessment.cite(concurrency.publicRequests)

        let classes: [(name: String, cap: Located<Int>?, limit: Int)] = [
            ("private", concurrency.privateRequests, privateLimit),
            ("public", concurrency.publicRequests, publicLimit),
        ]
        for (name, cap, limit) in classes {
            guard let cap else {
                assessment.fail(
                    "declares no cap for \(name) requests (concurrency.\(name) missing)",
                    fix: "Add \(name): \(limit) to the concurrency section of \(manifest.path)."
                )
                continue
            }
            if cap.value < 1 {
                assessment.fail(
                    "concurrency.\(name) is \(cap.value); a cap needs at least 1 request in flight",
                    fix: "Set concurrency.\(name) at \(cap.location) to a value from 1 to \(limit)."
                )
            } else if cap.value > limit {
                assessment.fail(
                    "allows \(cap.value) \(name) requests in flight; the cap is \(limit)",
                    fix: "Lower the bot's \(name) request cap to \(limit) and set concurrency.\(name): \(limit) at \(cap.location)."
                )
            }
        }

        let privateText = concurrency.privateRequests.map { "\($0.value)" } ?? "none"
        let publicText = concurrency.publicRequests.map { "\($0.value)" } ?? "none"
        if !assessment.hasFailures {
            assessment.note("in-flight counts not checked against logs: \(MissingEvidence.logs)")
        }
        return assessment.finding(
            pass: "caps requests in flight at \(privateText) private and \(publicText) public",
            measured: "private \(privateText), public \(publicText) (declared)",
            expected: "private at most \(privateLimit), public at most \(publicLimit)"
        )
    }

    public let examples: [CheckExample] = [
        CheckExample("caps at the limits", manifest: "concurrency:\n  private: 2\n  public: 4\n", expect: .pass),
        CheckExample("caps below the limits", manifest: "concurrency:\n  private: 1\n  public: 2\n", expect: .pass),
        CheckExample(
            "too many signed requests", manifest: "concurrency:\n  private: 5\n  public: 4\n", expect: .fail,
            mentioning: "5 private requests"
        ),
        CheckExample(
            "too many public requests", manifest: "concurrency:\n  private: 2\n  public: 10\n", expect: .fail,
            mentioning: "10 public requests"
        ),
        CheckExample(
            "public cap missing", manifest: "concurrency:\n  private: 2\n", expect: .fail,
            mentioning: "declares no cap for public requests"
        ),
        CheckExample(
            "a zero cap", manifest: "concurrency:\n  private: 0\n  public: 4\n", expect: .fail,
            mentioning: "at least 1 request"
        ),
        CheckExample("no caps declared", manifest: "retry:\n  max_attempts: 3\n", expect: .unknown),
    ]
}
