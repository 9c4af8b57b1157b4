import Foundation
import PreflightModel
import PreflightSupport

/// systemd-timesyncd: timedatectl's switches and properties, then its status file.
extension HostClockCollector {
    /// One step of reading a time source: what it read, or the attempt the source ends with.
    enum SourceStep<Value> {
        case read(Value)
        case ended(TimeSourceAttempt)
    }

    func timesyncd(markerAge: Double?) -> TimeSourceAttempt {
        var consulted: [String] = []
        let ntp: (enabled: Bool, synchronised: Bool)
        switch timesyncdNTPSwitches(consulted: &consulted) {
        case .read(let switches): ntp = switches
        case .ended(let attempt): return attempt
        }
        let timesync: [String: String]
        let maxText: String
        let maxSeconds: Double
        switch timesyncdProperties(consulted: &consulted) {
        case .read(let read): (timesync, maxText, maxSeconds) = read
        case .ended(let attempt): return attempt
        }
        var status = TimeSyncStatus(
            active: ntp.enabled, synchronised: ntp.synchronised,
            synchronisedBecause: "NTPSynchronized=\(ntp.synchronised ? "yes" : "no"), NTP=\(ntp.enabled ? "yes" : "no")",
            server: timesync["ServerName"].flatMap { $0.isEmpty ? nil : $0 } ?? timesync["ServerAddress"],
            currentPollSeconds: timesync["PollIntervalUSec"].flatMap(SystemdDuration.seconds),
            pollCeiling: PollCeiling(seconds: Int(exactly: maxSeconds.rounded()) ?? 0, origin: "PollIntervalMaxUSec=\(maxText)")
        )
        if let message = timesync["NTPMessage"], let stratum = Self.field("Stratum", in: message) {
            status.stratum = Int(stratum)
        }
        if let markerAge {
            status.lastSyncAgeSeconds = markerAge
            status.lastSyncAgeSource = "modification time of \(files.cite(Self.timesyncMarker))"
        }
        if let ended = readTimesyncStatus(into: &status, consulted: &consulted) { return ended }
        return .used(.timesyncd, status, consulted: consulted)
    }

    /// Runs a timedatectl command and cites it; one that could not run ends the timesyncd attempt.
    private func runCited(_ command: Command, consulted: inout [String]) -> SourceStep<CommandResult> {
        let result = runner.run(command)
        consulted.append(runner.cite(command))
        if let problem = HostCommandProblem.describe(result, command: command) {
            return .ended(problem.attempt(.timesyncd, consulted: consulted))
        }
        return .read(result)
    }

    /// `timedatectl show`: whether NTP is enabled and whether the clock is synchronised.
    func timesyncdNTPSwitches(consulted: inout [String]) -> SourceStep<(enabled: Bool, synchronised: Bool)> {
        let show = command("timedatectl", ["show"])
        let showResult: CommandResult
        switch runCited(show, consulted: &consulted) {
        case .read(let result): showResult = result
        case .ended(let attempt): return .ended(attempt)
        }
        guard showResult.succeeded else {
            let said = showResult.stderr + showResult.stdout
            if said.contains("not been booted with systemd") {
                return .ended(.skipped(.timesyncd, "systemd is not PID 1", consulted: consulted))
            }
            if said.contains("Failed to connect to bus") {
                return .ended(.skipped(.timesyncd, "systemd's bus is not reachable (\(showResult.firstMessage ?? "no message"))", consulted: consulted))
            }
            return .ended(.failed(.timesyncd, HostCommandProblem.exitReason(showResult, command: show), consulted: consulted))
        }
        let properties: [String: String]
        switch KeyValueOutput.parse(showResult.stdout) {
        case .success(let values): properties = values
        case .failure(let problem): return .ended(.failed(.timesyncd, "unexpected output from \(show.display): \(problem.message)", consulted: consulted))
        }
        guard let ntpEnabled = KeyValueOutput.bool(properties["NTP"]),
              let ntpSynchronised = KeyValueOutput.bool(properties["NTPSynchronized"])
        else {
            return .ended(.failed(.timesyncd, """
                unexpected output from \(show.display): NTP=\(properties["NTP"] ?? "(missing)"), \
                NTPSynchronized=\(properties["NTPSynchronized"] ?? "(missing)") (expected yes or no)
                """, consulted: consulted))
        }
        return .read((ntpEnabled, ntpSynchronised))
    }

    /// `timedatectl show-timesync`: the daemon's properties, with its poll ceiling as written and in seconds.
    func timesyncdProperties(
        consulted: inout [String]
    ) -> SourceStep<(properties: [String: String], maxText: String, maxSeconds: Double)> {
        let showTimesync = command("timedatectl", ["show-timesync"])
        let timesyncResult: CommandResult
        switch runCited(showTimesync, consulted: &consulted) {
        case .read(let result): timesyncResult = result
        case .ended(let attempt): return .ended(attempt)
        }
        guard timesyncResult.succeeded else {
            return .ended(.skipped(
                .timesyncd,
                "systemd-timesyncd is not running (\(showTimesync.display): \(timesyncResult.firstMessage ?? "exit status \(HostCommandProblem.exitStatus(timesyncResult))"))",
                consulted: consulted
            ))
        }
        let timesync: [String: String]
        switch KeyValueOutput.parse(timesyncResult.stdout) {
        case .success(let values): timesync = values
        case .failure(let problem):
            return .ended(.failed(.timesyncd, "unexpected output from \(showTimesync.display): \(problem.message)", consulted: consulted))
        }
        guard let maxText = timesync["PollIntervalMaxUSec"], let maxSeconds = SystemdDuration.seconds(maxText) else {
            return .ended(.failed(.timesyncd, """
                unexpected output from \(showTimesync.display): PollIntervalMaxUSec is \
                \(timesync["PollIntervalMaxUSec"].map { "'\($0)'" } ?? "missing")
                """, consulted: consulted))
        }
        return .read((timesync, maxText, maxSeconds))
    }

    /// `timedatectl timesync-status`, when it answers: the offset, and no NTP reply yet means not synchronised.
    /// Returns the failed attempt when its output cannot be read.
    func readTimesyncStatus(into status: inout TimeSyncStatus, consulted: inout [String]) -> TimeSourceAttempt? {
        let statusCommand = command("timedatectl", ["timesync-status"])
        let statusResult = runner.run(statusCommand)
        guard HostCommandProblem.describe(statusResult, command: statusCommand) == nil, statusResult.succeeded else { return nil }
        consulted.append(runner.cite(statusCommand))
        switch TimesyncStatusOutput.parse(statusResult.stdout) {
        case .success(let output):
            status.offsetSeconds = output.offsetSeconds
            if output.packetCount == 0 {
                status.synchronisedBecause = (status.synchronisedBecause ?? "") + "; no NTP reply received yet (Packet count: 0)"
                status.synchronised = false
            }
            return nil
        case .failure(let problem):
            return .failed(.timesyncd, "unexpected output from \(statusCommand.display): \(problem.message)", consulted: consulted)
        }
    }

    /// `Stratum=2` out of NTPMessage's `{ Leap=0, ..., Stratum=2, ... }`, with or without commas.
    static func field(_ name: String, in message: String) -> String? {
        guard let range = message.range(of: name + "=") else { return nil }
        return String(message[range.upperBound...].prefix { $0 != "," && $0 != " " && $0 != "}" })
    }
}
