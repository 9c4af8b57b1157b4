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
            fail if a signed request is sent again (same request_id or client_order_id, or attempt > 1) with the \
            timestamp it already carried within 60 s of log time, or carries a timestamp more than 1000 ms (policy \
            timestamp_skew_ms) from the record's own time; fail if a timestamp-window rejection (Binance -1021, Bybit \
            10002, OKX 50102, Kraken "EAPI:Invalid nonce") hit a request whose timestamp was stale or reused when sent. \
            A rejection of a fresh timestamp is a clock-offset problem, left to A6 and E3; distinct requests in the \
            same millisecond are fine. After a drill, a reuse on the wire fails too (the stand-in links every \
            re-sent request); the gap to the sending moment stays with the logs, which carry the bot's offset. A \
            slow request's timestamp is measured from when it was sent (time - \
            latency_ms) when that is nearer. A request is signed when it \
            says signed: true, or says nothing about it but logs a request_timestamp. A Kraken nonce is a counter: any \
            nonce sent twice, or lower than one already sent, fails, and its distance from the record's time means \
            nothing. Log evidence only: unknown \
            until log samples are read, or when no signed request logs its timestamp.
            """,
        remediation: """
            Sign each request at the moment it is sent, with a timestamp from a synchronised clock (or a strictly \
            increasing nonce), never reuse a signed payload on retry, and log the request timestamp with each \
            signed request.
            """,
        evidenceSources: [.drill, .logs],
        references: [
            "checklist A4",
            "https://developers.binance.com/docs/binance-spot-api-docs/websocket-api/request-security",
        ]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let finding = judgedFromTheLogs(evidence)
        guard let drill = evidence.drill, drill.wire.requests.signedWithRequestTimestamp > 0 else { return finding }
        return Self.weighWire(drill, over: finding)
    }

    /// A drill's wire decides reuse (it holds every signed request as sent, retries linked); how far a
    /// timestamp was from its sending stays with the logs: from the exchange's side a stale timestamp and a
    /// clock offset look alike, and only the bot's logs carry its offset.
    static func weighWire(_ drill: DrillEvidence, over finding: Finding) -> Finding {
        let facts = drill.wire.requests
        var assessment = Assessment()
        judgeNoncesAndReuse(facts, into: &assessment)
        guard assessment.hasFailures else {
            var weighed = finding
            weighed.details.append("the wire's records show \(facts.signedWithRequestTimestamp) signed requests, none re-sent with a timestamp or nonce already used; the gap between each timestamp and its sending is judged from the logs")
            return weighed
        }
        var failed = assessment.finding(pass: "")
        failed.evidence = failed.evidence.map { ref in
            var ref = ref
            if ref.source == .logs { ref.source = .drill }
            return ref
        }
        if finding.status != .pass { failed.details.append("the logs: \(finding.summary)") }
        failed.details += DrillVerdicts.phases(of: failed.evidence, in: drill, fallback: drill.phases)
        return failed
    }

    private func judgedFromTheLogs(_ evidence: Evidence) -> Finding {
        var assessment = Assessment()
        assessment.cite(evidence.manifest.logs?.paths)
        guard let logs = evidence.logs else {
            return assessment.unknown("signed-request timestamps not checked: \(MissingEvidence.logs)")
        }
        let facts = logs.requests
        let exchange = evidence.manifest.bot.exchange.value
        guard facts.requests > 0 else {
            assessment.cite(logs.readCitation("no api_request records"))
            return assessment.unknown("signed-request timestamps not checked: \(logs.noRequestsText)", remediation: Self.logTimestamps)
        }

        Self.judgeRejections(facts, exchange: exchange, into: &assessment)
        Self.judgeNoncesAndReuse(facts, into: &assessment)
        Self.judgeSkew(facts, into: &assessment)
        if assessment.hasFailures { return assessment.finding(pass: "") }
        return Self.freshFinding(facts, logs: logs, exchange: exchange, assessment: assessment)
    }

    private static let logTimestamps = "Log the timestamp (or nonce) each signed request carried as request_timestamp, and signed: true, on its api_request record."

    /// The exchange's timestamp-window rejections: of a stale or reused timestamp (a failure), of a fresh
    /// one (the clocks disagree, judged by A6 and E3), or of one not logged (cannot be told apart).
    private static func judgeRejections(_ facts: RequestLogFacts, exchange: Exchange, into assessment: inout Assessment) {
        let rejections = facts.staleTimestampRejections
        if !rejections.isEmpty {
            assessment.fail(
                citing: rejections, as: "timestamp-window rejection of a stale or reused timestamp",
                "the logs hold \(rejections.count) timestamp-window rejection\(rejections.count == 1 ? "" : "s") from \(exchange.rawValue) of a timestamp that was stale or reused when sent (\(rejections.exampleText))",
                fix: """
                    Sign each request when it is sent, with a timestamp from a synchronised clock (see A5, A6), and keep the \
                    recvWindow as declared; a request rejected for its timestamp must be re-signed, not re-sent.
                    """
            )
        }
        let fresh = facts.freshTimestampRejections
        if !fresh.isEmpty {
            for ref in fresh.citations("timestamp-window rejection of a fresh timestamp") { assessment.cite(ref) }
            assessment.note("\(fresh.count) timestamp-window rejection\(fresh.count == 1 ? "" : "s") of a fresh timestamp (\(fresh.exampleText)): the request was signed when sent, so the clocks disagree; A6 and E3 judge the clock offset")
        }
        let unstamped = facts.unstampedTimestampRejections
        if !unstamped.isEmpty {
            assessment.note("\(unstamped.count) timestamp-window rejection\(unstamped.count == 1 ? "" : "s") on records without a request_timestamp (\(unstamped.exampleText)): whether the timestamp was stale or the clocks disagree cannot be told")
        }
    }

    private static func judgeNoncesAndReuse(_ facts: RequestLogFacts, into assessment: inout Assessment) {
        let backwards = facts.decreasingNonces
        if !backwards.isEmpty {
            assessment.fail(
                citing: backwards, as: "nonce lower than one already sent",
                "\(backwards.count) signed request\(backwards.count == 1 ? "" : "s") carried a nonce lower than one the bot had already sent (\(backwards.exampleText)); Kraken needs it to increase",
                fix: "Draw every nonce from one strictly increasing counter per key (e.g. milliseconds since the epoch, bumped past the last one sent), shared by every thread and process using the key."
            )
        }
        let reused = facts.reusedTimestamps
        if !reused.isEmpty {
            assessment.fail(
                citing: reused, as: "reused request timestamp",
                "\(reused.count) signed request\(reused.count == 1 ? " was" : "s were") sent again with a timestamp or nonce already used within \(Int(facts.reuseWindowMs / 1000)) s (\(reused.exampleText))",
                fix: "Take a fresh timestamp (or a strictly increasing nonce) for every signed request, retries included; never re-send a signed payload."
            )
        }
    }

    private static func judgeSkew(_ facts: RequestLogFacts, into assessment: inout Assessment) {
        let skewed = facts.skewedTimestamps
        guard !skewed.isEmpty else { return }
        let worst = facts.worstTimestampSkew.map { ", worst \(NumberText.whole($0.value)) ms at \($0.place)" } ?? ""
        assessment.fail(
            citing: skewed, as: "stale or future request timestamp",
            "\(skewed.count) signed request\(skewed.count == 1 ? "" : "s") carried a timestamp more than \(Int(facts.timestampSkewLimitMs)) ms from when it was sent\(worst)",
            fix: "Sign requests at the moment they are sent, not when they are queued or built, and never cache a signed request."
        )
    }

    /// Nothing failed: a pass when signed requests logged their timestamps, unknown when none did.
    private static func freshFinding(
        _ facts: RequestLogFacts, logs: LogEvidence, exchange: Exchange, assessment: Assessment
    ) -> Finding {
        var assessment = assessment
        let fresh = facts.freshTimestampRejections
        let unstamped = facts.unstampedTimestampRejections
        guard facts.signedRequests > 0 else {
            assessment.cite(logs.readCitation("\(facts.requests) api_request records, none signed"))
            return assessment.unknown(
                "signed-request timestamps not checked: none of the \(facts.requests) api_request records is marked signed or carries a request timestamp",
                remediation: logTimestamps
            )
        }
        guard facts.signedWithRequestTimestamp > 0 else {
            assessment.cite(logs.readCitation("\(facts.signedRequests) signed requests without request_timestamp"))
            return assessment.unknown(
                "signed-request timestamps not checked: none of the \(facts.signedRequests) signed requests logs its request timestamp\(unstamped.isEmpty ? "; no timestamp-window rejections" : ", so \(unstamped.count) timestamp-window rejection\(unstamped.count == 1 ? "" : "s") cannot be told stale or fresh")",
                remediation: logTimestamps
            )
        }
        let gap = facts.worstTimestampSkew.map { "largest gap \(NumberText.whole($0.value)) ms" }
            ?? "nonces, so no gap to the record's time measured"
        if let example = facts.worstTimestampSkew { assessment.cite(EvidenceRef(.logs, at: example.location, "largest timestamp gap, \(NumberText.whole(example.value)) ms")) }
        assessment.cite(logs.readCitation("\(facts.signedWithRequestTimestamp) signed requests with a request timestamp"))
        if facts.signedWithRequestTimestamp < facts.signedRequests {
            assessment.note("\(facts.signedRequests - facts.signedWithRequestTimestamp) of \(facts.signedRequests) signed requests do not log their request timestamp")
        }
        let rejectionText = fresh.isEmpty && unstamped.isEmpty
            ? "no timestamp-window rejections"
            : "no rejection of a stale or reused timestamp"
        return assessment.finding(
            pass: "\(facts.signedWithRequestTimestamp) signed requests each carried a fresh timestamp (none re-sent with its old one within \(Int(facts.reuseWindowMs / 1000)) s, \(gap)); \(rejectionText)",
            measured: "\(gap), 0 reused, 0 rejections of stale timestamps, \(fresh.count) of fresh ones (logs)",
            expected: "gap at most \(Int(facts.timestampSkewLimitMs)) ms, no reuse, no \(exchange.rawValue) timestamp rejection of a stale timestamp"
        )
    }
}
