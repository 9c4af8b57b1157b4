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
            16 s means synchronised). Host evidence only: unknown until it is collected on the bot's host.
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
        // chrony's maxpoll is a power of two in seconds: the largest one within the ceiling.
        var maxpoll = 0
        while 1 << (maxpoll + 1) <= ceiling { maxpoll += 1 }
        return .unknown(
            "clock sync of the bot's host not checked: \(MissingEvidence.host)",
            remediation: """
                On the bot's host, keep chrony or systemd-timesyncd active and synchronised with a poll interval of \
                at most \(ceiling) s: maxpoll \(maxpoll) (\(1 << maxpoll) s) in chrony.conf, or \
                PollIntervalMaxSec=\(ceiling) in timesyncd.conf.
                """
        )
    }

    public let examples: [CheckExample] = [
        CheckExample(
            "host evidence is not collected in this release",
            manifest: "clock:\n  recv_window_ms: 5000\n",
            expect: .unknown, mentioning: MissingEvidence.host
        ),
    ]
}
