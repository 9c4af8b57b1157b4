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
            same millisecond are fine. A slow request's timestamp is measured from when it was sent (time - \
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
        evidenceSources: [.logs],
        references: [
            "checklist A4",
            "https://developers.binance.com/docs/binance-spot-api-docs/websocket-api/request-security",
        ]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        var assessment = Assessment()
        assessment.cite(evidence.manifest.logs?.paths)
        guard let logs = evidence.logs else {
            return assessment.unknown("signed-request timestamps not checked: \(MissingEvidence.logs)")
        }
        let facts = logs.requests
        let exchange = evidence.manifest.bot.exchange.value
        let logTimestamps = "Log the timestamp (or nonce) each signed request carried as request_timestamp, and signed: true, on its api_request record."
        guard facts.requests > 0 else {
            assessment.cite(logs.readCitation("no api_request records"))
            return assessment.unknown("signed-request timestamps not checked: \(logs.noRequestsText)", remediation: logTimestamps)
        }

        let rejections = facts.staleTimestampRejections
        if !rejections.isEmpty {
            for ref in rejections.citations("timestamp-window rejection of a stale or reused timestamp") { assessment.cite(ref) }
            assessment.fail(
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
        let backwards = facts.decreasingNonces
        if !backwards.isEmpty {
            for ref in backwards.citations("nonce lower than one already sent") { assessment.cite(ref) }
            assessment.fail(
                "\(backwards.count) signed request\(backwards.count == 1 ? "" : "s") carried a nonce lower than one the bot had already sent (\(backwards.exampleText)); Kraken needs it to increase",
                fix: "Draw every nonce from one strictly increasing counter per key (e.g. milliseconds since the epoch, bumped past the last one sent), shared by every thread and process using the key."
            )
        }
        let reused = facts.reusedTimestamps
        if !reused.isEmpty {
            for ref in reused.citations("reused request timestamp") { assessment.cite(ref) }
            assessment.fail(
                "\(reused.count) signed request\(reused.count == 1 ? " was" : "s were") sent again with a timestamp or nonce already used within \(Int(facts.reuseWindowMs / 1000)) s (\(reused.exampleText))",
                fix: "Take a fresh timestamp (or a strictly increasing nonce) for every signed request, retries included; never re-send a signed payload."
            )
        }
        let skewed = facts.skewedTimestamps
        let limit = Int(facts.timestampSkewLimitMs)
        if !skewed.isEmpty {
            for ref in skewed.citations("stale or future request timestamp") { assessment.cite(ref) }
            let worst = facts.worstTimestampSkew.map { ", worst \(NumberText.whole($0.value)) ms at \($0.place)" } ?? ""
            assessment.fail(
                "\(skewed.count) signed request\(skewed.count == 1 ? "" : "s") carried a timestamp more than \(limit) ms from when it was sent\(worst)",
                fix: "Sign requests at the moment they are sent, not when they are queued or built, and never cache a signed request."
            )
        }
        if assessment.hasFailures { return assessment.finding(pass: "") }

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
            expected: "gap at most \(limit) ms, no reuse, no \(exchange.rawValue) timestamp rejection of a stale timestamp"
        )
    }

    public let examples: [CheckExample] = [
        CheckExample(
            "fresh, distinct timestamps on every signed request",
            manifest: "logs:\n  paths: [bot.log]\n",
            logs: """
                {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400010,"latency_ms":40,"status":200}
                {"ts":"2026-11-24T10:00:00.300Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400251,"latency_ms":45,"status":200}
                {"ts":"2026-11-24T10:00:00.310Z","event":"api_request","endpoint":"/api/v3/depth","signed":false,"latency_ms":20,"status":200}
                """,
            expect: .pass, mentioning: "fresh timestamp"
        ),
        CheckExample(
            "a retry re-sends the same signed timestamp",
            manifest: "logs:\n  paths: [bot.log]\n",
            logs: """
                {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400010,"attempt":1,"status":503}
                {"ts":"2026-11-24T10:00:00.600Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400010,"attempt":2,"status":200}
                """,
            expect: .fail, mentioning: "sent again with a timestamp or nonce already used"
        ),
        CheckExample(
            "distinct requests signed in the same millisecond are not reuse",
            manifest: "logs:\n  paths: [bot.log]\n",
            logs: """
                {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","method":"POST","signed":true,"request_timestamp":1795514400010,"client_order_id":"a1","status":200}
                {"ts":"2026-11-24T10:00:00.052Z","event":"api_request","endpoint":"/api/v3/order","method":"POST","signed":true,"request_timestamp":1795514400010,"client_order_id":"a2","status":200}
                {"ts":"2026-11-24T10:00:00.055Z","event":"api_request","endpoint":"/api/v3/account","method":"GET","signed":true,"request_timestamp":1795514400010,"status":200}
                """,
            expect: .pass, mentioning: "fresh timestamp"
        ),
        CheckExample(
            "a request signed 4 s before it was sent",
            manifest: "logs:\n  paths: [bot.log]\n",
            logs: """
                {"ts":"2026-11-24T10:00:04.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400000,"latency_ms":30,"status":200}
                """,
            expect: .fail, mentioning: "more than 1000 ms"
        ),
        CheckExample(
            "Binance rejected (-1021) a request signed 3 s before it was sent",
            manifest: "logs:\n  paths: [bot.log]\n",
            logs: """
                {"ts":"2026-11-24T10:00:03.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400000,"latency_ms":20,"status":400,"error_code":-1021}
                """,
            expect: .fail, mentioning: "timestamp-window rejection from binance of a timestamp that was stale"
        ),
        CheckExample(
            "a -1021 on a fresh timestamp is a clock-offset problem, for A6 and E3",
            manifest: "logs:\n  paths: [bot.log]\n",
            logs: """
                {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514400020,"latency_ms":20,"status":400,"error_code":-1021}
                {"ts":"2026-11-24T10:00:01.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"request_timestamp":1795514401020,"latency_ms":20,"status":200}
                """,
            expect: .pass, mentioning: "no rejection of a stale or reused timestamp"
        ),
        CheckExample(
            "a -1021 on a record that does not log its timestamp cannot be placed",
            manifest: "logs:\n  paths: [bot.log]\n",
            logs: """
                {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"status":400,"error_code":-1021}
                """,
            expect: .unknown, mentioning: "cannot be told stale or fresh"
        ),
        CheckExample(
            "Kraken rejected a nonce sent twice",
            manifest: "bot:\n  name: example\n  exchange: kraken\nlogs:\n  paths: [bot.log]\n",
            logs: """
                time=2026-11-24T10:00:00.050Z event=api_request endpoint=/0/private/AddOrder signed=true status=200 request_timestamp=1795514400001
                time=2026-11-24T10:00:01.050Z event=api_request endpoint=/0/private/AddOrder signed=true status=200 request_timestamp=1795514400001 error_code="EAPI:Invalid nonce"
                """,
            expect: .fail, mentioning: "rejection"
        ),
        CheckExample(
            "a Kraken nonce lower than one already sent",
            manifest: "bot:\n  name: example\n  exchange: kraken\nlogs:\n  paths: [bot.log]\n",
            logs: """
                time=2026-11-24T10:00:00.050Z event=api_request endpoint=/0/private/Balance signed=true status=200 request_timestamp=1795514400050
                time=2026-11-24T10:00:01.050Z event=api_request endpoint=/0/private/Balance signed=true status=200 request_timestamp=1795514400040
                """,
            expect: .fail, mentioning: "nonce lower than one"
        ),
        CheckExample(
            "signed requests that do not log their timestamp",
            manifest: "logs:\n  paths: [bot.log]\n",
            logs: """
                {"ts":"2026-11-24T10:00:00.050Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"status":200}
                """,
            expect: .unknown, mentioning: "logs its request timestamp"
        ),
        CheckExample(
            "no api_request records in the logs",
            manifest: "logs:\n  paths: [bot.log]\n",
            logs: """
                {"ts":"2026-11-24T10:00:00.000Z","event":"startup"}
                """,
            expect: .unknown, mentioning: "no api_request records"
        ),
        CheckExample(
            "log paths declared but no samples given to this example",
            manifest: "logs:\n  paths: [logs/*.jsonl]\n",
            expect: .unknown, mentioning: "timestamps not checked"
        ),
    ]
}
