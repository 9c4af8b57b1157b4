import Foundation
import PreflightModel

/// A3: the key is rotated on a schedule, following a written runbook.
public struct KeyRotationCheck: Check {
    /// How long before the rotation is due the finding starts to warn.
    static let dueSoonDays = 14

    public init() {}

    public let item = CheckItem(
        id: "A3",
        name: "key-rotation",
        section: .authAndConnectivity,
        severity: .high,
        summary: "The API key is rotated at a fixed interval (at most 90 days), following a written runbook.",
        rationale: """
            The longer a key lives, the more places it has been copied to. A fixed interval bounds the damage of an \
            unnoticed leak, and a runbook makes the rotation a routine step rather than an outage.
            """,
        rule: """
            fail unless credentials.rotation names a runbook that exists as a non-empty file and an interval_days \
            from 1 to policy key_max_age_days (default 90); fail when the key's age (the exchange's key creation \
            time, else credentials.rotation.last_rotated) exceeds the interval or last_rotated lies in the future; \
            warn when the rotation is due within 14 days.
            """,
        remediation: """
            Write the rotation steps (create the new key with the same permissions and allowlist, deploy, revoke the \
            old key) in a runbook, and declare credentials.rotation with runbook, interval_days: 90 and \
            last_rotated in preflight.yml.
            """,
        evidenceSources: [.files, .manifest, .exchange],
        references: ["checklist A3", "https://developers.binance.com/docs/wallet/account/api-key-permission"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let maxAge = policy.int(.keyMaxAgeDays)
        guard let rotation = manifest.credentials?.rotation else {
            return .unknown(
                "no key rotation policy declared (credentials.rotation) and \(MissingEvidence.exchange)",
                remediation: """
                    Add credentials.rotation to \(manifest.path) with runbook: <path of a non-empty runbook>, \
                    interval_days: \(maxAge) and last_rotated: <YYYY-MM-DD the key in use was created>.
                    """
            )
        }

        var assessment = Assessment()
        let runbookFact = Self.judgeRunbook(rotation.runbook, evidence: evidence, into: &assessment)
        let limit = Self.judgeInterval(rotation.intervalDays, maxAge: maxAge, manifestPath: manifest.path, into: &assessment)
        let age = Self.judgeKeyAge(rotation, evidence: evidence, limit: limit, into: &assessment)
        return Self.conclusion(
            assessment, runbook: rotation.runbook, runbookFact: runbookFact, limit: limit, age: age,
            expected: "a non-empty runbook, an interval of at most \(maxAge) days, a key younger than the interval"
        )
    }

    /// The key's age in days and where it was read from.
    private struct KeyAge {
        var days: Int
        var measured: String
    }

    /// Cites the declared runbook and judges the file found there. Returns the file fact, nil when no
    /// runbook is declared or file evidence was not collected.
    private static func judgeRunbook(
        _ runbook: Located<String>?, evidence: Evidence, into assessment: inout Assessment
    ) -> FileFact? {
        guard let runbook else {
            assessment.fail(
                "no rotation runbook declared (credentials.rotation.runbook missing)",
                fix: """
                    Write the key rotation steps in a runbook and add runbook: <its path> to credentials.rotation \
                    in \(evidence.manifest.path).
                    """
            )
            return nil
        }
        assessment.cite(runbook)
        guard let fact = evidence.file(runbook.value) else { return nil }
        judgeRunbookFile(fact, declaredAt: runbook.location, into: &assessment)
        return fact
    }

    private static func judgeRunbookFile(_ fact: FileFact, declaredAt declared: SourceLocation, into assessment: inout Assessment) {
        let at = SourceLocation(file: fact.resolvedPath)
        let path = fact.resolvedPath
        switch fact.kind {
        case .regularFile:
            assessment.cite(EvidenceRef(.files, at: at, "rotation runbook, \(fact.size.map { "\($0) bytes" } ?? "size not recorded")"))
            if fact.size == 0 {
                assessment.fail(
                    "the rotation runbook \(path) is empty",
                    fix: "Write the key rotation steps into \(path) (declared at \(declared))."
                )
            }
        case .missing:
            assessment.cite(EvidenceRef(.files, at: at, "rotation runbook missing"))
            assessment.fail(
                "the rotation runbook \(path) does not exist",
                fix: "Write the key rotation runbook at \(path), or correct credentials.rotation.runbook at \(declared)."
            )
        case .directory:
            assessment.cite(EvidenceRef(.files, at: at, "a directory, not a file"))
            assessment.fail(
                "the rotation runbook \(path) is a directory, not a file",
                fix: "Point credentials.rotation.runbook at \(declared) to the runbook file itself, not its folder."
            )
        case .unreadable:
            assessment.cite(EvidenceRef(.files, at: at, "unreadable: \(fact.reason ?? "reason not recorded")"))
        }
    }

    /// Judges the declared interval and returns the one the key's age is held to: the declared interval
    /// when it is valid, else the policy's maximum.
    private static func judgeInterval(
        _ interval: Located<Int>?, maxAge: Int, manifestPath: String, into assessment: inout Assessment
    ) -> Int {
        guard let interval else {
            assessment.fail(
                "no rotation interval declared (credentials.rotation.interval_days missing)",
                fix: "Add interval_days: \(maxAge) to credentials.rotation in \(manifestPath)."
            )
            return maxAge
        }
        assessment.cite(interval)
        let within = assessment.failOutside(
            interval, key: "credentials.rotation.interval_days", needs: "an interval needs at least 1 day", limit: maxAge,
            over: ("the rotation interval is \(interval.value) days; the policy allows at most \(maxAge)",
                   "Rotate at least every \(maxAge) days and set credentials.rotation.interval_days: \(maxAge) at \(interval.location).")
        )
        return within ? interval.value : maxAge
    }

    /// The exchange's key creation time decides the age; without it, the declared last_rotated day.
    private static func judgeKeyAge(
        _ rotation: RotationPolicy, evidence: Evidence, limit: Int, into assessment: inout Assessment
    ) -> KeyAge? {
        if let exchange = evidence.exchange, let facts = exchange.key.value, let created = facts.createdAt {
            return judgeReportedAge(
                created: created, exchange: exchange, endpoint: facts.endpoint, lastRotated: rotation.lastRotated,
                collectedAt: evidence.collectedAt, limit: limit, into: &assessment
            )
        }
        guard let lastRotated = rotation.lastRotated else {
            assessment.note("key age not known: \(notAsked(evidence)) and rotation.last_rotated is not declared")
            return nil
        }
        assessment.cite(lastRotated)
        let days = lastRotated.value.days(until: evidence.collectedAt)
        if days < 0 {
            assessment.fail(
                "credentials.rotation.last_rotated \(lastRotated.value) is in the future",
                fix: "Set credentials.rotation.last_rotated at \(lastRotated.location) to the day the key in use was created or rotated."
            )
        } else {
            judgeAge(days, limit: limit, source: "last rotated \(lastRotated.value)",
                     update: " and set credentials.rotation.last_rotated at \(lastRotated.location) to the rotation day",
                     into: &assessment)
        }
        assessment.note(
            "key age taken from credentials.rotation.last_rotated; the key's creation time on the exchange was not checked (\(notAsked(evidence)))"
        )
        return KeyAge(days: days, measured: "key age \(days) days (declared)")
    }

    private static func judgeReportedAge(
        created: Date, exchange: ExchangeEvidence, endpoint: String, lastRotated: Located<DayStamp>?,
        collectedAt: Date, limit: Int, into assessment: inout Assessment
    ) -> KeyAge {
        let days = Int((collectedAt.timeIntervalSince(created) / 86_400).rounded(.down))
        assessment.cite(EvidenceRef(.exchange, at: exchange.location(endpoint), "key created \(day(created))"))
        if let lastRotated {
            assessment.cite(lastRotated)
            if lastRotated.value.description != day(created) {
                assessment.note("credentials.rotation.last_rotated says \(lastRotated.value); \(exchange.exchange.rawValue) says the key was created \(day(created)), and the exchange decides")
            }
        }
        judgeAge(days, limit: limit, source: "created \(day(created))",
                 update: lastRotated.map { " and set credentials.rotation.last_rotated at \($0.location) to the rotation day" } ?? "",
                 into: &assessment)
        return KeyAge(days: days, measured: "key age \(days) days (reported by \(exchange.exchange.rawValue))")
    }

    /// The finding, once the runbook, interval and age are judged. An unreadable runbook is an error only
    /// when nothing else fails; a runbook not checked leaves the item unknown unless something fails.
    private static func conclusion(
        _ assessment: Assessment, runbook: Located<String>?, runbookFact: FileFact?, limit: Int, age: KeyAge?,
        expected: String
    ) -> Finding {
        var assessment = assessment
        if assessment.hasFailures, let runbook {
            if let fact = runbookFact, fact.kind == .unreadable {
                assessment.note("cannot read the rotation runbook \(fact.resolvedPath): \(fact.reason ?? "reason not recorded")")
            } else if runbookFact == nil {
                assessment.note("rotation runbook \(runbook.value) not checked: file evidence not collected")
            }
        }
        if !assessment.hasFailures, let fact = runbookFact, fact.kind == .unreadable, let runbook {
            return unreadableRunbook(fact, declaredAt: runbook.location, assessment: assessment, measured: age?.measured, expected: expected)
        }
        if !assessment.hasFailures, let runbook, runbookFact == nil {
            return assessment.unknown("rotation runbook \(runbook.value) not checked: file evidence not collected")
        }

        let runbookText = runbookFact.map { fact in
            "runbook \(fact.resolvedPath)" + (fact.size.map { " (\($0) bytes)" } ?? "")
        } ?? "a runbook"
        let ageText = age.map { ", key \($0.days) days old" } ?? ""
        return assessment.finding(
            pass: "key rotation every \(limit) days with \(runbookText)\(ageText)",
            measured: age?.measured,
            expected: expected
        )
    }

    private static func unreadableRunbook(
        _ fact: FileFact, declaredAt declared: SourceLocation, assessment: Assessment, measured: String?, expected: String
    ) -> Finding {
        var fixes = [
            "Make \(fact.resolvedPath) readable by the user preflight runs as, or correct credentials.rotation.runbook at \(declared).",
        ]
        fixes += assessment.problems.map(\.fix)
        return Finding(
            status: .error,
            summary: "cannot read the rotation runbook \(fact.resolvedPath): \(fact.reason ?? "reason not recorded")",
            details: assessment.problems.map(\.message) + assessment.notes,
            evidence: assessment.evidence,
            measured: measured,
            expected: expected,
            remediation: fixes.joined(separator: " ")
        )
    }

    static func judgeAge(_ age: Int, limit: Int, source: String, update: String, into assessment: inout Assessment) {
        if age > limit {
            assessment.fail(
                "the key is \(age) days old (\(source)); the interval is \(limit) days",
                fix: "Rotate the key now, following the runbook\(update)."
            )
        } else if age > limit - dueSoonDays {
            assessment.warn(
                "the key is due for rotation within \(limit - age) days (\(age) days old, \(source); interval \(limit) days)",
                fix: "Schedule the rotation before day \(limit), following the runbook\(update)."
            )
        }
    }

    static func notAsked(_ evidence: Evidence) -> String {
        switch evidence.exchange?.key {
        case let .unavailable(reason)?: reason
        case let .failed(_, reason)?: "the key probe failed: \(reason)"
        case .measured?: "the exchange does not report the key's creation time"
        case nil: MissingEvidence.exchange
        }
    }

    static func day(_ date: Date) -> String {
        DayStamp.format(date)
    }

    // The harness evaluates examples as of 2026-11-25T00:00:00Z.
}
