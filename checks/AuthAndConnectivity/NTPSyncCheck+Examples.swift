import Foundation
import PreflightModel

extension NTPSyncCheck {
    public var examples: [CheckExample] { Self.catalogExamples }

    // The harness evaluates examples as of 2026-11-25T00:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_795_564_800)
    static let manifest = """
        clock:
          recv_window_ms: 5000
        """

    static func chrony(maxpoll: Int?, synchronised: Bool = true, lastSyncAge: Double = 120) -> HostClockEvidence {
        let line = "pool 2.debian.pool.ntp.org iburst" + (maxpoll.map { " maxpoll \($0)" } ?? "")
        let ceiling = PollCeiling(
            seconds: 1 << (maxpoll ?? 10),
            origin: maxpoll.map { "maxpoll \($0) on the pool line" } ?? "chrony's default maxpoll 10: the pool line sets none",
            location: SourceLocation(file: "/etc/chrony/chrony.conf", line: 8), configLine: line, isDefault: maxpoll == nil
        )
        let status = TimeSyncStatus(
            active: true, synchronised: synchronised,
            synchronisedBecause: synchronised ? "leap status Normal" : "leap status Not synchronised",
            server: synchronised ? "192.0.2.10" : nil, stratum: synchronised ? 2 : 0, currentPollSeconds: 256,
            pollCeiling: ceiling, lastSync: synchronised ? now.addingTimeInterval(-lastSyncAge) : nil,
            lastSyncAgeSeconds: synchronised ? lastSyncAge : nil, lastSyncAgeSource: "chrony's ref time", offsetSeconds: 0.000_4
        )
        return HostClockEvidence(
            origin: .live(host: "bot-1"), observedAt: now,
            sources: [
                .skipped(.timesyncd, "systemd is not PID 1", consulted: ["timedatectl show"]),
                .used(.chrony, status, consulted: ["chronyc -c tracking", "chronyc -c sources", "/etc/chrony/chrony.conf"]),
                TimeSourceAttempt(source: .kernel, outcome: .used, consulted: ["adjtimex(2)"]),
            ],
            kernel: KernelClockView(maxErrorMicroseconds: 12_000, estErrorMicroseconds: 40, status: 0x2001, returnCode: 0)
        )
    }

    static var timesyncdDefaults: HostClockEvidence {
        let status = TimeSyncStatus(
            active: true, synchronised: true, synchronisedBecause: "NTPSynchronized=yes, NTP=yes",
            server: "time4.google.com", stratum: 1, currentPollSeconds: 2048,
            pollCeiling: PollCeiling(seconds: 2048, origin: "PollIntervalMaxUSec=34min 8s"),
            lastSyncAgeSeconds: 300, lastSyncAgeSource: "modification time of /run/systemd/timesync/synchronized"
        )
        return HostClockEvidence(
            origin: .captured(folder: "captures/bot-1"), observedAt: now,
            sources: [.used(.timesyncd, status, consulted: ["captures/bot-1/timedatectl-show.txt"])],
            kernel: KernelClockView(maxErrorMicroseconds: 8_000, estErrorMicroseconds: 30, status: 0x2001, returnCode: 0),
            timesyncMarkerAgeSeconds: 300
        )
    }

    static var nothingAnswers: HostClockEvidence {
        HostClockEvidence(
            origin: .live(host: "bot-1"), observedAt: now,
            sources: [
                .skipped(.timesyncd, "systemd is not PID 1"), .skipped(.chrony, "chronyd is not running"),
                .skipped(.ntpd, "ntpq not installed"), TimeSourceAttempt(source: .kernel, outcome: .used),
            ],
            kernel: KernelClockView(maxErrorMicroseconds: 16_000_000, estErrorMicroseconds: 16_000_000, status: 0x40, returnCode: 5)
        )
    }

    static var kernelOnly: HostClockEvidence {
        var host = nothingAnswers
        host.kernel = KernelClockView(maxErrorMicroseconds: 9_000, estErrorMicroseconds: 20, status: 0x2001, returnCode: 0)
        return host
    }

    static var chronycHangs: HostClockEvidence {
        HostClockEvidence(
            origin: .live(host: "bot-1"), observedAt: now,
            sources: [
                .skipped(.timesyncd, "systemd is not PID 1"),
                .failed(.chrony, "chronyc -c tracking did not finish within 5 s and was stopped"),
                .skipped(.ntpd, "ntpq not installed"), TimeSourceAttempt(source: .kernel, outcome: .used),
            ],
            kernel: KernelClockView(maxErrorMicroseconds: 9_000, estErrorMicroseconds: 20, status: 0x2001, returnCode: 0)
        )
    }

    static let catalogExamples: [CheckExample] = [
        CheckExample("chrony with maxpoll 9, synchronised 2 minutes ago", manifest: manifest, host: chrony(maxpoll: 9),
                     expect: .pass, mentioning: "polls at most every 512 s"),
        CheckExample("chrony at its default maxpoll 10", manifest: manifest, host: chrony(maxpoll: nil),
                     expect: .fail, mentioning: "1024 s"),
        CheckExample("systemd-timesyncd at its default PollIntervalMaxSec", manifest: manifest, host: timesyncdDefaults,
                     expect: .fail, mentioning: "PollIntervalMaxUSec=34min 8s"),
        CheckExample("chrony running but not synchronised", manifest: manifest, host: chrony(maxpoll: 9, synchronised: false),
                     expect: .fail, mentioning: "not synchronised"),
        CheckExample("chrony last synced an hour ago", manifest: manifest, host: chrony(maxpoll: 9, lastSyncAge: 3_600),
                     expect: .fail, mentioning: "last successful sync"),
        CheckExample("no daemon and the kernel clock unsynchronised", manifest: manifest, host: nothingAnswers,
                     expect: .fail, mentioning: "no time sync service is running"),
        CheckExample("no daemon answers but the kernel clock is synchronised", manifest: manifest, host: kernelOnly,
                     expect: .unknown, mentioning: "nothing shows how often"),
        CheckExample("chronyc hangs past its deadline", manifest: manifest, host: chronycHangs,
                     expect: .error, mentioning: "did not finish within 5 s"),
        CheckExample("host evidence not collected", manifest: manifest, expect: .unknown, mentioning: MissingEvidence.host),
    ]
}
