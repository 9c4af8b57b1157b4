import Foundation
import PreflightModel

/// D5: the bot can be stopped at once without a redeploy, and that path has been tried recently.
public struct KillSwitchCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "D5",
        name: "kill-switch",
        section: .crashRecovery,
        severity: .critical,
        summary: "A kill switch that needs no redeploy (flag file, admin endpoint, signal or chat command) is declared, its target is usable, and it was exercised recently.",
        rationale: """
            When the bot misbehaves in a fast market, minutes matter. A switch that needs a build and a deploy is \
            too slow, and a switch that was never tried may not cancel the open orders when it is finally pulled.
            """,
        rule: """
            fail unless kill_switch.kind is flag_file, admin_endpoint, signal or chat_command (redeploy fails) \
            with a usable target: a flag file whose folder exists (a file there now means the switch is engaged: \
            warn), an http(s) URL that answers, a signal the bot can handle (SIGKILL and SIGSTOP fail), or a \
            chat command; warn unless the last kill_switch record in the logs (outranking \
            kill_switch.last_exercised, used without one) is within 30 days (policy kill_switch_exercise_days); \
            fail on a declared exercise date in the future. A drill's kill_switch phase pulls the switch while \
            the bot trades and decides: fail if an order reaches the stand-in more than 5 s after (policy \
            kill_switch_halt_s); a chat command cannot be drilled (unknown).
            """,
        remediation: """
            Give the bot a halt path that cancels open orders and stops new ones without a redeploy (a flag file \
            it polls, an admin endpoint, a SIGTERM/SIGUSR1 handler or a chat command), declare it under kill_switch \
            in preflight.yml, exercise it on every release and record the day as kill_switch.last_exercised.
            """,
        evidenceSources: [.manifest, .files, .logs, .drill],
        references: ["checklist D5"],
        frameworkRemediation: [
            "freqtrade": """
                Exercise the kill switch (telegram /stop, or POST /api/v1/stop on the api_server) and record the day: \
                write a preflight.yml with `preflight init --from-framework freqtrade` and set kill_switch.last_exercised.
                """,
            "hummingbot": """
                Exercise the kill switch (the stop command, or /stop over telegram) and record the day: write a \
                preflight.yml with `preflight init --from-framework hummingbot` and set kill_switch.last_exercised.
                """,
        ]
    )

    static let handledSignals = ["TERM", "INT", "HUP", "QUIT", "USR1", "USR2"]
    static let unhandledSignals = ["KILL", "STOP"]

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let finding = judgeDeclaredAndLogged(evidence, policy: policy)
        guard let drilled = DrillKillSwitchVerdict(evidence.drill, haltSeconds: policy[.killSwitchHaltSeconds]) else { return finding }
        return drilled.weigh(over: finding)
    }

    private func judgeDeclaredAndLogged(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let maxDays = policy.int(.killSwitchExerciseDays)
        guard let killSwitch = manifest.killSwitch else {
            return .unknown(
                "no kill switch declared (kill_switch section) and \(MissingEvidence.logs)",
                remediation: """
                    Add a kill_switch section to \(manifest.path) with kind (flag_file, admin_endpoint, signal or \
                    chat_command), target and last_exercised (within \(maxDays) days).
                    """
            )
        }

        var assessment = Assessment()
        assessment.cite(killSwitch.kind)
        assessment.cite(killSwitch.target)
        assessment.cite(killSwitch.lastExercised)
        let unverified = judgeKindAndTarget(killSwitch, evidence, into: &assessment)

        let facts = evidence.logs?.lifecycle
        if let logged = facts?.lastKillSwitchAt, let at = facts?.lastKillSwitchLocation {
            Self.judgeLoggedExercise(
                at: logged, location: at, records: facts?.killSwitchRecords ?? 0, declared: killSwitch.lastExercised,
                collectedAt: evidence.collectedAt, maxDays: maxDays, into: &assessment
            )
        } else if let exercised = killSwitch.lastExercised {
            if let logs = evidence.logs { assessment.note("kill-switch exercise not seen in the logs: \(logs.noRecordsText([.killSwitch]))") }
            Self.judgeDeclaredExercise(exercised, collectedAt: evidence.collectedAt, maxDays: maxDays, into: &assessment)
        } else {
            assessment.warn(
                "no record that it was exercised in the last \(maxDays) days (kill_switch.last_exercised missing)",
                fix: "Exercise the kill switch, then add last_exercised: YYYY-MM-DD to the kill_switch section at \(killSwitch.location)."
            )
        }

        if evidence.logs == nil { assessment.note("kill-switch records in the logs not checked: \(MissingEvidence.logs)") }
        let kindText = killSwitch.kind?.value.rawValue ?? "missing"
        let loggedDay = facts?.lastKillSwitchAt.map { "\(DayStamp.format($0)) (logs)" }
        let exercisedText = loggedDay ?? "\(killSwitch.lastExercised?.value.description ?? "never") (declared)"
        let finding = assessment.finding(
            pass: "kill switch \(kindText) (\(killSwitch.target?.value ?? "")) needs no redeploy; last exercised \(exercisedText)",
            measured: "\(kindText), last exercised \(exercisedText)",
            expected: "flag_file, admin_endpoint, signal or chat_command, exercised within \(maxDays) days"
        )
        guard let unverified, finding.status != .fail else { return finding }
        // The target could not be verified: the item stays unknown, keeping any warning and its fix.
        let warnings = finding.status == .warn ? [finding.summary] : []
        return Finding(
            status: .unknown,
            summary: unverified,
            details: warnings + finding.details,
            evidence: finding.evidence,
            remediation: finding.remediation
        )
    }

    /// Fails a redeploy switch or a missing kind or target; returns why the target could not be verified,
    /// or nil when it was (or there was none to verify).
    private func judgeKindAndTarget(
        _ killSwitch: KillSwitchSection, _ evidence: Evidence, into assessment: inout Assessment
    ) -> String? {
        guard let kind = killSwitch.kind else {
            assessment.fail(
                "no kill switch kind declared (kill_switch.kind missing)",
                fix: "Add kind (flag_file, admin_endpoint, signal or chat_command) and its target to the kill_switch section at \(killSwitch.location)."
            )
            return nil
        }
        if kind.value == .redeploy {
            assessment.fail(
                "the kill switch needs a redeploy",
                fix: """
                    Add a halt path that needs no deploy and set kill_switch.kind at \(kind.location) to \
                    flag_file, admin_endpoint, signal or chat_command, with its target.
                    """
            )
            return nil
        }
        guard let target = killSwitch.target else {
            assessment.fail(
                "the \(kind.value.rawValue) kill switch has no target (kill_switch.target missing)",
                fix: "Add target (\(Self.targetHint(kind.value))) to the kill_switch section at \(killSwitch.location)."
            )
            return nil
        }
        return judgeTarget(kind.value, target, evidence, into: &assessment)
    }

    /// Observed outranks declared: the last kill_switch record in the logs decides the exercise age.
    private static func judgeLoggedExercise(
        at logged: Date, location at: SourceLocation, records: Int, declared lastExercised: Located<DayStamp>?,
        collectedAt: Date, maxDays: Int, into assessment: inout Assessment
    ) {
        let days = Int((collectedAt.timeIntervalSince(logged) / 86_400).rounded(.down))
        let day = DayStamp.format(logged)
        assessment.cite(EvidenceRef(.logs, at: at, "kill_switch record on \(day)"))
        let declared = lastExercised.map { "declares last_exercised \($0.value) at \($0.location); " } ?? ""
        if let exercised = lastExercised, exercised.value.days(until: collectedAt) < 0 {
            assessment.fail(
                "kill_switch.last_exercised \(exercised.value) is in the future",
                fix: "Set kill_switch.last_exercised at \(exercised.location) to the day the switch was last exercised (the logs show \(day))."
            )
        }
        if days > maxDays {
            assessment.warn(
                "\(declared)the last kill_switch record in the logs is \(days) days old (\(day) at \(at.fileAndLine)); the limit is \(maxDays) days",
                fix: "Exercise the kill switch (halt, confirm open orders are cancelled, resume) and keep the logs that show it."
            )
        } else {
            assessment.note("\(declared)the logs show the kill switch exercised \(days) day\(days == 1 ? "" : "s") ago (\(records) kill_switch record\(records == 1 ? "" : "s"), last on \(day) at \(at.fileAndLine))")
        }
    }

    private static func judgeDeclaredExercise(
        _ exercised: Located<DayStamp>, collectedAt: Date, maxDays: Int, into assessment: inout Assessment
    ) {
        let days = exercised.value.days(until: collectedAt)
        if days < 0 {
            assessment.fail(
                "kill_switch.last_exercised \(exercised.value) is in the future",
                fix: "Set kill_switch.last_exercised at \(exercised.location) to the day the switch was last exercised."
            )
        } else if days > maxDays {
            assessment.warn(
                "the kill switch was last exercised \(days) days ago (\(exercised.value)); the limit is \(maxDays) days",
                fix: "Exercise the kill switch (halt, confirm open orders are cancelled, resume) and update kill_switch.last_exercised at \(exercised.location)."
            )
        }
    }

    /// Judges the target for its kind; returns why it could not be verified, or nil when it was.
    private func judgeTarget(
        _ kind: KillSwitchSection.Kind, _ target: Located<String>, _ evidence: Evidence,
        into assessment: inout Assessment
    ) -> String? {
        let value = target.value.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .flagFile:
            guard let fact = evidence.file(target.value) else {
                return "flag file \(target.value): file evidence not collected"
            }
            return Self.judgeFlagFile(fact, target: target, into: &assessment)
        case .adminEndpoint:
            guard let url = URL(string: value), let scheme = url.scheme?.lowercased(),
                  scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
            else {
                assessment.fail(
                    "the admin endpoint \"\(target.value)\" is not an http(s) URL with a host",
                    fix: "Set kill_switch.target at \(target.location) to the endpoint's full URL, e.g. http://127.0.0.1:9102/halt."
                )
                return nil
            }
            return "admin endpoint not probed: \(MissingEvidence.host)"
        case .signal:
            Self.judgeSignal(value, target: target, into: &assessment)
            return nil
        case .chatCommand:
            if value.isEmpty {
                assessment.fail(
                    "the chat command kill switch is empty",
                    fix: "Set kill_switch.target at \(target.location) to the command that halts the bot, e.g. /halt."
                )
            }
            return nil
        case .redeploy:
            return nil
        }
    }

    /// A flag file that may be created: its folder exists and nothing is there yet.
    private static func judgeFlagFile(_ fact: FileFact, target: Located<String>, into assessment: inout Assessment) -> String? {
        let state = fact.kind == .missing ? "missing, folder \(fact.parentExists ? "exists" : "missing")" : fact.kind.rawValue
        assessment.cite(EvidenceRef(.files, at: SourceLocation(file: fact.resolvedPath), "\(fact.path): \(state)"))
        switch fact.kind {
        case .missing where !fact.parentExists:
            let folder = (fact.resolvedPath as NSString).deletingLastPathComponent
            assessment.fail(
                "the folder for the flag file does not exist: \(folder.isEmpty ? fact.resolvedPath : folder)",
                fix: "Create the folder \(folder.isEmpty ? "" : folder + " ")on the bot host (with the bot able to read it), or point kill_switch.target at \(target.location) into an existing folder."
            )
        case .missing:
            break
        case .directory:
            assessment.fail(
                "the flag file path \(fact.resolvedPath) is a directory, so the flag can never be created",
                fix: "Point kill_switch.target at \(target.location) to a file path, e.g. \(target.value.hasSuffix("/") ? target.value : target.value + "/")halt.flag."
            )
        case .regularFile:
            assessment.warn(
                "the flag file exists now: the kill switch is engaged (\(fact.resolvedPath))",
                fix: "Remove \(fact.resolvedPath) if the bot should trade, or leave it while the halt is intended."
            )
        case .unreadable:
            return "flag file \(fact.resolvedPath) could not be checked: \(fact.reason ?? "unreadable")"
        }
        return nil
    }

    /// A signal the bot can catch, so it can cancel open orders before it stops.
    private static func judgeSignal(_ value: String, target: Located<String>, into assessment: inout Assessment) {
        var name = value.uppercased()
        if name.hasPrefix("SIG") { name.removeFirst(3) }
        if unhandledSignals.contains(name) {
            assessment.fail(
                "SIG\(name) cannot be handled, so the bot cannot cancel open orders before it stops",
                fix: "Handle SIGTERM (or SIGUSR1) by cancelling open orders and halting, and set kill_switch.target at \(target.location) to it."
            )
        } else if !handledSignals.contains(name) {
            assessment.fail(
                "unknown signal \"\(target.value)\" as kill switch",
                fix: "Set kill_switch.target at \(target.location) to one of \(handledSignals.map { "SIG\($0)" }.joined(separator: ", "))."
            )
        }
    }

    static func targetHint(_ kind: KillSwitchSection.Kind) -> String {
        switch kind {
        case .flagFile: "the flag file's path, e.g. run/halt.flag"
        case .adminEndpoint: "the endpoint's URL, e.g. http://127.0.0.1:9102/halt"
        case .signal: "the signal name, e.g. SIGTERM"
        case .chatCommand: "the command, e.g. /halt"
        case .redeploy: "none"
        }
    }
}
