import PreflightModel

/// A4: every signed request carries a fresh, unique timestamp (or nonce).
public struct FreshTimestampsCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "A4",
        name: "fresh-timestamps",
        section: .authAndConnectivity,
        severity: .critical,
        summary: "Every signed request carries its own timestamp or nonce, taken when it is sent and never reused.",
        rationale: """
            Exchanges reject a signed request whose timestamp falls outside the receive window or whose nonce does \
            not increase. A bot that signs ahead of time, caches a timestamp or re-sends an old signature gets its \
            orders rejected exactly when it is busiest, and a reused nonce can be replayed.
            """,
        rule: """
            fail if signed requests in the logs reuse a timestamp or nonce, or carry a timestamp more than 1000 ms \
            (policy timestamp_skew_ms) from the record's own time; fail if the logs hold timestamp-window \
            rejections (Binance -1021, Bybit 10002, OKX 50102, Kraken "EAPI:Invalid nonce"). Log evidence only: \
            unknown until log samples are read.
            """,
        remediation: """
            Sign each request at the moment it is sent, with a timestamp from a synchronised clock (or a strictly \
            increasing nonce), never reuse a signed payload on retry, and log the request timestamp with each \
            signed request.
            """,
        evidenceSources: [.logs],
        references: [
            "checklist A4",
            "https://developers.binance.com/docs/binance-spot-api-docs/websocket-api/request-security",
        ]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        var assessment = Assessment()
        assessment.cite(evidence.manifest.logs?.paths)
        return assessment.unknown("signed-request timestamps not checked: \(MissingEvidence.logs)")
    }

    public let examples: [CheckExample] = [
        CheckExample(
            "log paths declared, logs not read in this release",
            manifest: "logs:\n  paths: [logs/*.jsonl]\n",
            expect: .unknown, mentioning: "timestamps not checked"
        ),
    ]
}
