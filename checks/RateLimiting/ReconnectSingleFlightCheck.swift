import PreflightModel

/// B5: one reconnect per stream at a time, with delays that grow and carry jitter.
public struct ReconnectSingleFlightCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "B5",
        name: "reconnect-singleflight",
        section: .rateLimiting,
        severity: .high,
        summary: "Each stream has at most one reconnect in progress at a time, and successive reconnect delays grow and carry jitter.",
        rationale: """
            When a stream drops, several handlers often notice at once. Without a single flight they open parallel \
            connections that burn the connection limit; without growing, jittered delays every stream of every \
            bot reconnects in lockstep the moment the exchange comes back, and gets refused again.
            """,
        rule: """
            fail unless streams.reconnect.single_flight is true and streams.reconnect.backoff grows \
            (exponential or linear) and carries jitter; fail if two reconnect attempts for the same stream \
            overlap in the logs, or successive reconnect delays show no jitter or no growth. After a drill's \
            ws_disconnect phase the wire's reconnects (each refused or accepted upgrade) replace the logs' for this.
            """,
        remediation: """
            Guard each stream's reconnect with a single in-flight task and wait an exponential, jittered delay \
            between attempts; declare streams.reconnect: {single_flight: true, backoff: {kind: exponential, \
            base_ms: 1000, max_ms: 30000, jitter: full}} in preflight.yml.
            """,
        evidenceSources: [.drill, .logs, .manifest],
        references: ["checklist B5"],
        frameworkRemediation: [
            "hummingbot": """
                hummingbot's connectors reconnect a dropped stream after a fixed delay, with no growth or jitter, and no \
                setting changes it: run one bot per key and IP so a reconnect storm stays small, and record the accepted \
                risk as a suppression for B5 with an owner and expiry.
                """,
        ]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        var finding = judged(evidence)
        if let drill = evidence.drill, Self.observation(evidence)?.witness.source == .drill {
            finding.details += DrillVerdicts.phases(of: finding.evidence, in: drill, fallback: drill.phases(with: "ws_disconnect"))
        }
        return finding
    }

    private func judged(_ evidence: Evidence) -> Finding {
        let manifest = evidence.manifest
        let suggestedBackoff = "{kind: exponential, base_ms: 1000, max_ms: 30000, jitter: full}"
        let observed = Self.observation(evidence)
        guard let streams = manifest.streams else {
            return Self.undeclared(observed: observed, manifestPath: manifest.path, suggestedBackoff: suggestedBackoff)
        }

        var assessment = Assessment()
        assessment.cite(streams.reconnectSingleFlight)
        Self.judgeDeclaredSingleFlight(streams.reconnectSingleFlight, manifestPath: manifest.path, into: &assessment)

        var spread = 0
        var kindText = "no"
        var jitterText = "no"
        if let backoff = streams.reconnectBackoff {
            assessment.cite(backoff.kind)
            assessment.cite(backoff.baseMs)
            assessment.cite(backoff.jitter)
            assessment.cite(backoff.jitterMs)
            kindText = backoff.kind?.value.rawValue ?? "unknown"
            jitterText = backoff.jitter?.value.rawValue ?? (backoff.jitterMs == nil ? "no" : "uniform")
            Self.judgeDeclaredGrowth(backoff.kind, observed: observed, manifestPath: manifest.path, into: &assessment)
            spread = backoff.jitterSpreadMs ?? 0
            Self.judgeDeclaredJitter(backoff, spread: spread, observed: observed, manifestPath: manifest.path, into: &assessment)
        } else {
            assessment.fail(
                "declares no delay between reconnects (streams.reconnect.backoff missing)",
                fix: "Add backoff: \(suggestedBackoff) under streams.reconnect in \(manifest.path)."
            )
        }

        let singleFlightText = streams.reconnectSingleFlight.map { "\($0.value)" } ?? "missing"
        if let observed {
            observed.judge(into: &assessment, declaredSingleFlight: streams.reconnectSingleFlight)
            if observed.attempts > 0 {
                return assessment.finding(
                    pass: "\(observed.witness.the) show \(observed.summary); declares single_flight \(singleFlightText), \(kindText) backoff",
                    measured: observed.measured,
                    expected: "no overlapping attempts per stream; delays that grow with the attempt and vary (jitter)"
                )
            }
        } else if !assessment.hasFailures {
            assessment.note("overlapping reconnects not checked against logs: \(MissingEvidence.logs)")
        }
        return assessment.finding(
            pass: "reconnects one at a time per stream, with \(kindText) delays and \(jitterText) jitter",
            measured: "single_flight \(singleFlightText), \(kindText) backoff, jitter spread \(spread) ms (declared)",
            expected: "single_flight true, growing backoff with jitter"
        )
    }

    /// The reconnects a drill's wire saw when a ws_disconnect phase made the bot reconnect (the stand-in's
    /// refusals and accepts, every one of them), else the logs'.
    private static func observation(_ evidence: Evidence) -> ReconnectObservation? {
        if let drill = evidence.drill, drill.phases(with: "ws_disconnect").contains(where: \.exercised), drill.wire.streams.reconnectAttempts > 0 {
            return ReconnectObservation(drill.wire, as: .wire)
        }
        return evidence.logs.map { ReconnectObservation($0) }
    }

    /// No streams section: only problems in the logs can decide (they fail).
    private static func undeclared(observed: ReconnectObservation?, manifestPath: String, suggestedBackoff: String) -> Finding {
        ReconnectObservation.undeclared(
            observed, missing: "no stream reconnect policy declared (streams section)",
            expected: "no overlapping attempts; delays that grow and vary",
            remediation: """
                Add a streams section to \(manifestPath) with reconnect: {single_flight: true, \
                backoff: \(suggestedBackoff)}.
                """
        ) { $0.judge(into: &$1, declaredSingleFlight: nil) }
    }

    private static func judgeDeclaredSingleFlight(
        _ singleFlight: Located<Bool>?, manifestPath: String, into assessment: inout Assessment
    ) {
        assessment.requireTrue(
            singleFlight, key: "streams.reconnect.single_flight",
            missing: ("does not declare single-flight reconnects (streams.reconnect.single_flight missing)",
                      "Add single_flight: true under streams.reconnect in \(manifestPath)."),
            whenFalse: ("reconnects to the same stream may overlap (streams.reconnect.single_flight is false)",
                        "Allow one reconnect per stream at a time")
        )
    }

    /// Reconnect delays must grow, unless the logs show them growing (they decide).
    private static func judgeDeclaredGrowth(
        _ kind: Located<Backoff.Kind>?, observed: ReconnectObservation?, manifestPath: String,
        into assessment: inout Assessment
    ) {
        guard let kind else {
            assessment.fail(
                "declares no reconnect backoff kind, so growth is unknown (streams.reconnect.backoff.kind missing)",
                fix: "Add kind: exponential to streams.reconnect.backoff in \(manifestPath)."
            )
            return
        }
        if let growth = observed?.growth, kind.value == .none || kind.value == .constant {
            assessment.note("declares \(kind.value.rawValue) reconnect delays at \(kind.location); \(observed?.witness.the ?? "the logs") decide: \(growth.text)")
        } else if kind.value == .none || kind.value == .constant {
            assessment.fail(
                "reconnect delays show no growth (streams.reconnect.backoff.kind is \(kind.value.rawValue))",
                fix: "Make reconnect delays grow and set streams.reconnect.backoff.kind at \(kind.location) to exponential."
            )
        }
    }

    /// Reconnect delays must spread (jitter), unless the logs show them varying (they decide).
    private static func judgeDeclaredJitter(
        _ backoff: Backoff, spread: Int, observed: ReconnectObservation?, manifestPath: String,
        into assessment: inout Assessment
    ) {
        guard spread <= 0 else { return }
        if let jitter = observed?.jitter {
            assessment.note("declares no reconnect jitter; \(observed?.witness.the ?? "the logs") decide: \(jitter.text)")
            return
        }
        let reason: String
        if let jitter = backoff.jitter, jitter.value == .none {
            reason = "jitter is none"
        } else if backoff.jitterSpreadMs == nil {
            reason = "no jitter spread declared"
        } else {
            reason = "the jitter spread is 0 ms"
        }
        let place = backoff.jitter.map { "at \($0.location)" } ?? "in \(manifestPath)"
        assessment.fail(
            "reconnect delays show no jitter (\(reason))",
            fix: "Set streams.reconnect.backoff.jitter \(place) to full, with base_ms above 0."
        )
    }
}
