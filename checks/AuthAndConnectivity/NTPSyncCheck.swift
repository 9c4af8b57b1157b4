import Foundation
import PreflightModel

/// A5: the bot's host keeps its clock synchronised, polling often enough.
public struct NTPSyncCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "A5",
        name: "ntp-sync",
        section: .authAndConnectivity,
        severity: .critical,
        summary: "The bot's host runs an active, synchronised time service that polls at least every 15 minutes.",
        rationale: """
            Signed requests are judged against the exchange's clock. A host clock that drifts between polls pushes \
            request timestamps out of the receive window, and every signed call fails together.
            """,
        rule: """
            fail unless a time sync service is active and synchronised and its poll interval is at most policy \
            poll_ceiling_s (default 900 s): systemd-timesyncd's default PollIntervalMaxSec of 2048 s and chrony's \
            default maxpoll 10 (1024 s) both fail this; fail when the last successful sync is older than the poll \
            ceiling. Without systemd, fall back to chronyc, then ntpq/ntpstat, then the kernel's maxerror (under \
            16 s means synchronised). Host evidence only: unknown until it is collected on the bot's host \
            (--host there, or --host-captures DIR).
            """,
        remediation: """
            Run chrony or systemd-timesyncd on the bot's host and cap its poll interval at 15 minutes: maxpoll 9 \
            (512 s) on the chrony server lines, or PollIntervalMaxSec=900 in timesyncd.conf.
            """,
        evidenceSources: [.host],
        references: [
            "checklist A5",
            "https://www.freedesktop.org/software/systemd/man/latest/timesyncd.conf.html",
            "https://chrony-project.org/doc/4.5/chrony.conf.html",
        ]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let ceiling = policy.int(.pollCeilingSeconds)
        let fixes = ClockSyncFixes(ceiling: ceiling)
        guard let host = evidence.host else {
            return .unknown(
                "clock sync of the bot's host not checked: \(MissingEvidence.host) (run on the bot host with --host, or pass --host-captures DIR)",
                remediation: "On the bot's host, keep chrony or systemd-timesyncd active and synchronised with a poll interval of at most \(ceiling) s: \(fixes.generic)"
            )
        }
        var assessment = Assessment()
        let place = "\(host.origin)"
        if case .live(let name) = host.origin {
            assessment.note("read live on \(name) (--host): this describes the bot's clock only if \(name) is the bot's host")
        }
        for note in host.notes { assessment.note(note) }
        let expected = "an active, synchronised time service polling at most every \(ceiling) s, last synced within \(ceiling) s"

        guard let deciding = host.deciding, let status = deciding.status else {
            return undecided(host, place: place, ceiling: ceiling, fixes: fixes, assessment: assessment, expected: expected)
        }
        assessment.note(Self.chain(host, decidedBy: deciding))
        Self.citeDecidingStatus(status, of: deciding, host: host, place: place, into: &assessment)

        let judge = SyncJudge(source: deciding.source, status: status, ceiling: ceiling, fixes: fixes)
        judge.judgeRunning(into: &assessment)
        var readings = SyncReadings()
        judge.judgePollCeiling(into: &assessment, readings: &readings)
        judge.judgeLastSync(host: host, into: &assessment, readings: &readings)
        judge.judgeKernel(host, into: &assessment)
        return judge.conclusion(assessment, readings: readings, place: place, expected: expected)
    }

    /// What the deciding source said, cited first.
    private static func citeDecidingStatus(
        _ status: TimeSyncStatus, of deciding: TimeSourceAttempt, host: HostClockEvidence, place: String,
        into assessment: inout Assessment
    ) {
        var facts: [String] = []
        if let synchronised = status.synchronised { facts.append(synchronised ? "synchronised" : "not synchronised") }
        if let because = status.synchronisedBecause { facts.append("(\(because))") }
        if let server = status.server { facts.append("to \(server)") }
        if let stratum = status.stratum { facts.append("stratum \(stratum)") }
        if let offset = status.offsetSeconds { facts.append("offset \(Self.offset(offset))") }
        if let poll = status.currentPollSeconds { facts.append("polling every \(DurationText.seconds(poll)) now") }
        let statusFile = host.isCaptured ? deciding.consulted.first.map { SourceLocation(file: $0) } : nil
        assessment.cite(EvidenceRef(.host, at: statusFile, "\(deciding.source.displayName), \(place): " + facts.joined(separator: " ")))
    }

    /// What the deciding source's readings measured, and what they left unknown.
    private struct SyncReadings {
        var measured: [String] = []
        var unknowns: [String] = []
    }

    /// Judges the deciding source's status against the poll ceiling.
    private struct SyncJudge {
        var source: TimeSource
        var status: TimeSyncStatus
        var ceiling: Int
        var fixes: ClockSyncFixes

        var name: String { source.displayName }

        func judgeRunning(into assessment: inout Assessment) {
            if !status.active {
                assessment.fail("\(name) is not active (\(status.synchronisedBecause ?? "inactive"))", fix: fixes.activate(source))
            }
            if status.synchronised == false {
                assessment.fail(
                    "\(name) is running but not synchronised (\(status.synchronisedBecause ?? "no reason given"))",
                    fix: fixes.resynchronise(source)
                )
            }
        }

        func judgePollCeiling(into assessment: inout Assessment, readings: inout SyncReadings) {
            guard let limit = status.pollCeiling else {
                readings.unknowns.append("\(name)'s poll ceiling is not known: \(status.pollCeilingUnknownBecause ?? "no setting found")")
                return
            }
            assessment.cite(EvidenceRef(.host, at: limit.location, "\(name) poll ceiling \(limit.seconds) s: \(limit.origin)"))
            readings.measured.append("poll ceiling \(DurationText.seconds(Double(limit.seconds))) (\(limit.origin))")
            if limit.seconds > ceiling {
                assessment.fail(
                    "\(name) polls as rarely as every \(DurationText.seconds(Double(limit.seconds))), over the \(ceiling) s ceiling: \(limit.origin)\(limit.location.map { " (\($0))" } ?? "")",
                    fix: fixes.lowerCeiling(source, limit: limit)
                )
            } else if let gap = status.pollCeilingUnknownBecause {
                readings.unknowns.append("\(name)'s poll ceiling may be higher than \(limit.seconds) s: \(gap)")
            }
        }

        func judgeLastSync(host: HostClockEvidence, into assessment: inout Assessment, readings: inout SyncReadings) {
            if let age = status.lastSyncAgeSeconds {
                let shown = DurationText.seconds(max(0, age))
                readings.measured.append("last sync \(shown) ago")
                if age > Double(ceiling) {
                    assessment.fail(
                        "the last successful sync was \(shown) ago (\(status.lastSyncAgeSource ?? "age source not recorded")), longer than the \(ceiling) s ceiling",
                        fix: fixes.resynchronise(source)
                    )
                }
            } else if status.synchronised != false {
                readings.unknowns.append("the time of \(name)'s last successful sync is not known\(NTPSyncCheck.whyNoAge(source, host: host))")
            }
        }

        func judgeKernel(_ host: HostClockEvidence, into assessment: inout Assessment) {
            if status.synchronised == true, let kernel = host.kernel, !kernel.synchronised {
                // In a capture the kernel's view was read from a file: cite it there.
                let read = host.attempt(.kernel)?.consulted.first.map { SourceLocation(file: $0) }
                assessment.cite(EvidenceRef(.host, at: read, "kernel: \(kernel.summary)"))
                assessment.warn(
                    "\(name) reports synchronised but the kernel clock is not (maxerror \(DurationText.seconds(Double(kernel.maxErrorMicroseconds) / 1e6))): \(name) is not steering this clock",
                    fix: fixes.steer(source)
                )
            } else if let kernel = host.kernel {
                assessment.note("kernel: \(kernel.summary)")
            }
        }

        /// A failure or a full set of readings decides; otherwise what is not known leaves the item unknown.
        func conclusion(_ assessment: Assessment, readings: SyncReadings, place: String, expected: String) -> Finding {
            let measuredText = readings.measured.isEmpty ? nil : readings.measured.joined(separator: ", ")
            if assessment.hasFailures || readings.unknowns.isEmpty {
                var finding = assessment.finding(
                    pass: "\(name) is synchronised and polls at most every \(status.pollCeiling.map { "\($0.seconds) s" } ?? "?") (\(status.pollCeiling?.origin ?? "")), last sync \(DurationText.seconds(max(0, status.lastSyncAgeSeconds ?? 0))) ago; \(place)",
                    measured: measuredText, expected: expected
                )
                if finding.status == .fail { finding.details += readings.unknowns }
                return finding
            }
            var finding = assessment.unknown(readings.unknowns.joined(separator: "; "), remediation: fixes.lookAgain(source))
            finding.measured = measuredText
            finding.expected = expected
            return finding
        }
    }

    /// No daemon answered: the kernel alone cannot show a poll interval.
    func undecided(
        _ host: HostClockEvidence, place: String, ceiling: Int, fixes: ClockSyncFixes, assessment: Assessment, expected: String
    ) -> Finding {
        var assessment = assessment
        let daemons = host.sources.filter { $0.source != .kernel }
        let tried = daemons.map { "\($0.source.displayName): \($0.reason ?? $0.outcome.rawValue)" }.joined(separator: "; ")
        for attempt in daemons {
            let file = host.isCaptured ? attempt.consulted.first.map { SourceLocation(file: $0) } : nil
            assessment.cite(EvidenceRef(.host, at: file, "\(attempt.source.displayName) \(attempt.outcome.rawValue): \(attempt.reason ?? "")"))
        }
        let failed = host.sources.filter { $0.outcome == .failed }
        if !failed.isEmpty {
            let reasons = failed.map { "\($0.source.displayName): \($0.reason ?? "failed")" }.joined(separator: "; ")
            return Finding(
                status: .error, summary: "could not read the host's time sync state (\(place)): \(reasons)",
                details: ["sources tried: \(tried)"] + assessment.notes, evidence: assessment.evidence, expected: expected,
                remediation: "Make the failing tool answer on the bot's host (run it by hand to see why), then collect again. \(fixes.generic)"
            )
        }
        guard let kernel = host.kernel else {
            return Finding(status: .error, summary: "no time sync daemon answered and the kernel's clock state could not be read (\(place))",
                           details: ["sources tried: \(tried)"], evidence: assessment.evidence, expected: expected,
                           remediation: fixes.install)
        }
        assessment.cite(EvidenceRef(.host, at: nil, "kernel: \(kernel.summary)"))
        let maxError = DurationText.seconds(Double(kernel.maxErrorMicroseconds) / 1e6)
        if kernel.synchronised {
            return assessment.unknown(
                "no time sync daemon answered (\(tried)); the kernel clock is synchronised (maxerror \(maxError)) but nothing shows how often it is corrected (\(place))",
                remediation: fixes.install
            )
        }
        assessment.fail(
            "no time sync service is running (\(tried)) and the kernel clock is unsynchronised (maxerror \(maxError)); \(place)",
            fix: fixes.install
        )
        return assessment.finding(pass: "", measured: "kernel maxerror \(maxError), no sync daemon", expected: expected)
    }

    /// "decided by chrony; systemd-timesyncd skipped: systemd is not PID 1".
    static func chain(_ host: HostClockEvidence, decidedBy deciding: TimeSourceAttempt) -> String {
        var parts = ["decided by \(deciding.source.displayName)"]
        for attempt in host.sources where attempt.source != .kernel && attempt.source != deciding.source {
            parts.append("\(attempt.source.displayName) \(attempt.outcome.rawValue): \(attempt.reason ?? "")")
        }
        return parts.joined(separator: "; ")
    }

    static func whyNoAge(_ source: TimeSource, host: HostClockEvidence) -> String {
        if host.observedAt == nil { return " (the capture time is not recorded)" }
        switch source {
        case .timesyncd: return " (/run/systemd/timesync/synchronized is absent)"
        case .chrony: return " (chrony gave no reference time)"
        case .ntpd: return " (ntpq shows no 'when' for the system peer)"
        case .kernel: return ""
        }
    }

    static func offset(_ seconds: Double) -> String {
        let magnitude = abs(seconds)
        let sign = seconds < 0 ? "-" : "+"
        if magnitude >= 1 { return "\(sign)\(DurationText.seconds(magnitude))" }
        if magnitude >= 0.001 { return "\(sign)\(NumberText.whole(magnitude * 1000)) ms" }
        return "\(sign)\(NumberText.whole(magnitude * 1_000_000)) µs"
    }
}

/// The remediation texts, with the exact setting and value for the policy's ceiling.
struct ClockSyncFixes {
    var ceiling: Int
    /// chrony and ntpd poll in powers of two: the largest exponent within the ceiling.
    var maxpoll: Int

    init(ceiling: Int) {
        self.ceiling = ceiling
        var exponent = 0
        while 1 << (exponent + 1) <= ceiling { exponent += 1 }
        maxpoll = exponent
    }

    var generic: String {
        "maxpoll \(maxpoll) (\(1 << maxpoll) s) on chrony's server/pool lines, or PollIntervalMaxSec=\(ceiling) in /etc/systemd/timesyncd.conf."
    }

    var install: String {
        "Install and enable a time sync service on the bot's host (apt-get install chrony) with maxpoll \(maxpoll) on its server/pool lines in /etc/chrony/chrony.conf, or enable systemd-timesyncd (timedatectl set-ntp true) with PollIntervalMaxSec=\(ceiling) in /etc/systemd/timesyncd.conf."
    }

    func lowerCeiling(_ source: TimeSource, limit: PollCeiling) -> String {
        switch source {
        case .timesyncd:
            return "Set PollIntervalMaxSec=\(ceiling) in the [Time] section of /etc/systemd/timesyncd.conf (or a drop-in in /etc/systemd/timesyncd.conf.d/), then run systemctl restart systemd-timesyncd."
        case .chrony, .ntpd:
            let config = source == .chrony ? "chrony.conf" : "ntp.conf"
            let restart = source == .chrony ? "systemctl restart chrony" : "systemctl restart ntpsec (or ntp)"
            guard let location = limit.location, let line = limit.configLine else {
                return "Add maxpoll \(maxpoll) to every server, pool and peer line of \(config) and the files it includes, then run \(restart)."
            }
            let place = limit.hostPath.map { "\($0)\(location.line.map { ":\($0)" } ?? "") on the bot host (captured as \(location.fileAndLine))" }
                ?? location.description
            return "Set maxpoll \(maxpoll) on the \(line.split(separator: " ").first ?? "server") line at \(place): `\(Self.withMaxpoll(line, maxpoll))` (and on every other server/pool line of \(config) polling above \(maxpoll)), then run \(restart)."
        case .kernel:
            return install
        }
    }

    /// The config line with its maxpoll set: `pool 2.debian.pool.ntp.org iburst maxpoll 9`.
    static func withMaxpoll(_ line: String, _ value: Int) -> String {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let at = words.firstIndex(of: "maxpoll"), at + 1 < words.count {
            words[at + 1] = "\(value)"
        } else {
            words += ["maxpoll", "\(value)"]
        }
        return words.joined(separator: " ")
    }

    func activate(_ source: TimeSource) -> String {
        switch source {
        case .timesyncd: "Enable network time sync on the bot's host: timedatectl set-ntp true (and PollIntervalMaxSec=\(ceiling) in /etc/systemd/timesyncd.conf)."
        case .chrony: "Start chronyd on the bot's host (systemctl enable --now chrony), with maxpoll \(maxpoll) on its server/pool lines."
        case .ntpd, .kernel: install
        }
    }

    func resynchronise(_ source: TimeSource) -> String {
        let look = switch source {
        case .timesyncd: "timedatectl timesync-status and journalctl -u systemd-timesyncd"
        case .chrony: "chronyc sources -v and chronyc tracking"
        case .ntpd, .kernel: "ntpq -pn and ntpstat"
        }
        return "Find out why the bot host's time service is not syncing (\(look)): make its NTP servers reachable over UDP 123 or configure reachable ones, and confirm it syncs again."
    }

    func steer(_ source: TimeSource) -> String {
        "Let \(source.displayName) set the clock: run it without -x and with the right to set the time (CAP_SYS_TIME; in a container, sync the clock on the host instead)."
    }

    func lookAgain(_ source: TimeSource) -> String {
        switch source {
        case .timesyncd: "Collect on the bot's host with systemd-timesyncd running, so that /run/systemd/timesync/synchronized and PollIntervalMaxUSec can be read; keep PollIntervalMaxSec at most \(ceiling)."
        case .chrony: "Make chrony's configuration (/etc/chrony/chrony.conf and the files it includes) readable to preflight, or capture it under root/ in the capture folder; keep maxpoll at most \(maxpoll)."
        case .ntpd, .kernel: "Make ntpd's configuration (/etc/ntpsec/ntp.conf or /etc/ntp.conf) readable to preflight, or capture it under root/; keep maxpoll at most \(maxpoll)."
        }
    }
}

extension HostClockEvidence {
    var isCaptured: Bool { if case .captured = origin { true } else { false } }
}
