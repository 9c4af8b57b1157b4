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
            than the cap (a record's concurrency_inflight, or overlapping request intervals [time - latency_ms, \
            time) per class, private = signed; the larger of the two unless every record logs its count). The \
            logs are held to the declared cap, never to one looser than the policy's; observed counts outrank the \
            declaration.
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
        if let drill = evidence.drill, drill.wire.requests.requests > 0,
           var finding = observed(drill.wire, as: .wire, manifest: manifest, privateLimit: privateLimit, publicLimit: publicLimit) {
            // The stand-in counts every request in flight at arrival: the wire outranks the logs here.
            finding.details += DrillVerdicts.phases(of: finding.evidence, in: drill, fallback: drill.phases)
            return finding
        }
        var noLogs = evidence.logs?.noRequestsText ?? MissingEvidence.logs
        if let logs = evidence.logs, logs.requests.requests > 0 {
            if let finding = observed(logs, as: .logs, manifest: manifest, privateLimit: privateLimit, publicLimit: publicLimit) {
                return finding
            }
            noLogs = "overlapping requests cannot be counted from logs that do not record every request (\(logs.scan.incompleteRequestSourcesText))"
        }
        guard let concurrency = manifest.concurrency else {
            return .unknown(
                "no concurrency caps declared (concurrency section) and \(noLogs)",
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
            Self.judgeDeclaredCap(name, cap, limit: limit, manifestPath: manifest.path, into: &assessment)
        }

        let privateText = concurrency.privateRequests.map { "\($0.value)" } ?? "none"
        let publicText = concurrency.publicRequests.map { "\($0.value)" } ?? "none"
        if !assessment.hasFailures {
            assessment.note("in-flight counts not checked against logs: \(noLogs)")
        }
        return assessment.finding(
            pass: "caps requests in flight at \(privateText) private and \(publicText) public",
            measured: "private \(privateText), public \(publicText) (declared)",
            expected: "private at most \(privateLimit), public at most \(publicLimit)"
        )
    }

    /// The declared caps judged as without logs, then the logs' in-flight counts per class against the cap.
    /// nil when the logs measured nothing that can decide (overlaps counted from logs that miss requests).
    func observed(_ logs: LogEvidence, as witness: Witness, manifest: Manifest, privateLimit: Int, publicLimit: Int) -> Finding? {
        var assessment = Assessment()
        let concurrency = manifest.concurrency
        assessment.cite(concurrency?.privateRequests)
        assessment.cite(concurrency?.publicRequests)
        let classes: [(name: String, cap: Located<Int>?, limit: Int, facts: RequestInflightFacts)] = [
            ("private", concurrency?.privateRequests, privateLimit, logs.requests.privateInflight),
            ("public", concurrency?.publicRequests, publicLimit, logs.requests.publicInflight),
        ]
        var readings = InflightReadings()
        for (name, cap, limit, facts) in classes {
            // Without a concurrency section the logs alone judge: a missing cap fails only in a declared section.
            if cap != nil || concurrency != nil {
                Self.judgeDeclaredCap(name, cap, limit: limit, manifestPath: manifest.path, into: &assessment)
            }
            Self.judgeObservedInflight(
                name, cap: cap, facts: facts, logsAreComplete: logs.scan.requestLogsAreComplete, witness: witness,
                into: &assessment, readings: &readings
            )
        }
        let measured = readings.measured
        let unobserved = readings.unobserved
        let undercounted = readings.undercounted
        if !unobserved.isEmpty, !assessment.hasFailures {
            assessment.note("\(witness.the) show no \(unobserved.joined(separator: " or ")) requests with a latency_ms or concurrency_inflight to count")
        }
        if measured.isEmpty, !assessment.hasFailures, !undercounted.isEmpty { return nil }
        if !undercounted.isEmpty {
            assessment.note("\(undercounted.joined(separator: " and ")) requests in flight not counted: overlaps cannot be counted from logs that do not record every request")
        }
        if measured.isEmpty, !assessment.hasFailures {
            return assessment.unknown(
                "requests in flight not measured: the \(logs.requests.requests) api_request records carry neither concurrency_inflight nor latency_ms",
                remediation: "Log concurrency_inflight (or at least latency_ms) on every api_request record."
            )
        }
        if concurrency == nil, !assessment.hasFailures {
            assessment.note("no caps declared: add a concurrency section with private: \(privateLimit) and public: \(publicLimit)")
        }
        let measuredText = measured.joined(separator: ", ")
        return assessment.finding(
            pass: "\(witness.the) show at most \(measuredText) in flight, within the caps of \(logs.requests.privateInflight.cap) private and \(logs.requests.publicInflight.cap) public",
            measured: "most in flight: \(measuredText) (\(witness.tag))",
            expected: "private at most \(logs.requests.privateInflight.cap), public at most \(logs.requests.publicInflight.cap)"
        )
    }

    /// A declared cap must be from 1 to the policy's limit; a missing one fails.
    private static func judgeDeclaredCap(
        _ name: String, _ cap: Located<Int>?, limit: Int, manifestPath: String, into assessment: inout Assessment
    ) {
        guard let cap else {
            assessment.fail(
                "declares no cap for \(name) requests (concurrency.\(name) missing)",
                fix: "Add \(name): \(limit) to the concurrency section of \(manifestPath)."
            )
            return
        }
        assessment.failOutside(
            cap, key: "concurrency.\(name)", needs: "a cap needs at least 1 request in flight", limit: limit,
            over: ("allows \(cap.value) \(name) requests in flight; the cap is \(limit)",
                   "Lower the bot's \(name) request cap to \(limit) and set concurrency.\(name): \(limit) at \(cap.location).")
        )
    }

    /// Per request class: what the logs counted in flight, the classes they hold nothing for, and those
    /// whose overlaps are undercounted because the logs miss requests.
    private struct InflightReadings {
        var measured: [String] = []
        var unobserved: [String] = []
        var undercounted: [String] = []
    }

    /// The most requests of one class the logs show in flight, failed when over the cap.
    private static func judgeObservedInflight(
        _ name: String, cap: Located<Int>?, facts: RequestInflightFacts, logsAreComplete: Bool, witness: Witness,
        into assessment: inout Assessment, readings: inout InflightReadings
    ) {
        guard facts.requests > 0, let observedMax = facts.observedMax else {
            readings.unobserved.append(name)
            return
        }
        let most = Int(observedMax.value)
        let over = facts.overCap
        guard most > facts.cap, !over.isEmpty else {
            // Overlaps among the requests a log holds undercount those it left out: they cannot show a cap kept.
            if !facts.usesRecorded, !logsAreComplete {
                readings.undercounted.append(name)
                return
            }
            readings.measured.append("\(name) \(most) (of \(facts.requests) requests)")
            assessment.cite(EvidenceRef(witness.source, at: observedMax.location, "most \(name) requests in flight: \(most), by \(facts.measuredBy)"))
            return
        }
        readings.measured.append("\(name) \(most) (of \(facts.requests) requests)")
        for var ref in over.citations("\(name) requests over the cap of \(facts.cap)") {
            ref.source = witness.source
            assessment.cite(ref)
        }
        let declared = cap.map {
            "declares concurrency.\(name): \($0.value)\($0.value == facts.cap ? "" : " (held to \(facts.cap))"); "
        } ?? ""
        assessment.fail(
            "\(declared)\(witness.the) show \(most) \(name) requests in flight at \(observedMax.place), over the cap of \(facts.cap) "
                + "(\(over.count) time\(over.count == 1 ? "" : "s"), by \(facts.measuredBy))",
            fix: """
                Put a semaphore of \(facts.cap) around the bot's \(name) requests (every \(name) request, retries included, \
                acquires it before sending) so that no more than \(facts.cap) are ever in flight.
                """
        )
    }
}
