import Foundation
import PreflightModel
import PreflightSupport

/// systemd-timesyncd: timedatectl's switches and properties, then its status file.
extension HostClockCollector {
    /// The attempt a time source ends with when one of its steps cannot go on.
    struct SourceEnded: Error {
        let attempt: TimeSourceAttempt
    }

    func timesyncd(markerAge: Double?) -> TimeSourceAttempt {
        var consulted: [String] = []
        do {
            let ntp = try timesyncdNTPSwitches(consulted: &consulted)
            let (timesync, maxText, maxSeconds) = try timesyncdProperties(consulted: &consulted)
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
        } catch {
            return error.attempt
        }
    }

    /// Runs a timedatectl command and cites it; one that could not run ends the timesyncd attempt.
    private func runCited(_ command: Command, consulted: inout [String]) throws(SourceEnded) -> CommandResult {
        let result = runner.run(command)
        consulted.append(runner.cite(command))
        if let problem = HostCommandProblem.describe(result, command: command) {
            throw SourceEnded(attempt: problem.attempt(.timesyncd, consulted: consulted))
        }
        return result
    }

    /// A timedatectl command's `Name=value` lines; output that is not that ends the timesyncd attempt.
    private func properties(of result: CommandResult, from command: Command, consulted: [String]) throws(SourceEnded) -> [String: String] {
        switch KeyValueOutput.parse(result.stdout) {
        case .success(let values): return values
        case .failure(let problem):
            throw SourceEnded(attempt: .failed(.timesyncd, "unexpected output from \(command.display): \(problem.message)", consulted: consulted))
        }
    }

    /// `timedatectl show`: whether NTP is enabled and whether the clock is synchronised.
    func timesyncdNTPSwitches(consulted: inout [String]) throws(SourceEnded) -> (enabled: Bool, synchronised: Bool) {
        let show = command("timedatectl", ["show"])
        let showResult = try runCited(show, consulted: &consulted)
        guard showResult.succeeded else {
            let said = showResult.stderr + showResult.stdout
            if said.contains("not been booted with systemd") {
                throw SourceEnded(attempt: .skipped(.timesyncd, "systemd is not PID 1", consulted: consulted))
            }
            if said.contains("Failed to connect to bus") {
                let reason = "systemd's bus is not reachable (\(showResult.firstMessage ?? "no message"))"
                throw SourceEnded(attempt: .skipped(.timesyncd, reason, consulted: consulted))
            }
            throw SourceEnded(attempt: .failed(.timesyncd, HostCommandProblem.exitReason(showResult, command: show), consulted: consulted))
        }
        let properties = try properties(of: showResult, from: show, consulted: consulted)
        guard let ntpEnabled = KeyValueOutput.bool(properties["NTP"]),
              let ntpSynchronised = KeyValueOutput.bool(properties["NTPSynchronized"])
        else {
            throw SourceEnded(attempt: .failed(.timesyncd, """
                unexpected output from \(show.display): NTP=\(properties["NTP"] ?? "(missing)"), \
                NTPSynchronized=\(properties["NTPSynchronized"] ?? "(missing)") (expected yes or no)
                """, consulted: consulted))
        }
        return (ntpEnabled, ntpSynchronised)
    }

    /// `timedatectl show-timesync`: the daemon's properties, with its poll ceiling as written and in seconds.
    func timesyncdProperties(
        consulted: inout [String]
    ) throws(SourceEnded) -> (properties: [String: String], maxText: String, maxSeconds: Double) {
        let showTimesync = command("timedatectl", ["show-timesync"])
        let timesyncResult = try runCited(showTimesync, consulted: &consulted)
        guard timesyncResult.succeeded else {
            throw SourceEnded(attempt: .skipped(
                .timesyncd,
                "systemd-timesyncd is not running (\(showTimesync.display): \(timesyncResult.firstMessage ?? "exit status \(HostCommandProblem.exitStatus(timesyncResult))"))",
                consulted: consulted
            ))
        }
        let timesync = try properties(of: timesyncResult, from: showTimesync, consulted: consulted)
        guard let maxText = timesync["PollIntervalMaxUSec"], let maxSeconds = SystemdDuration.seconds(maxText) else {
            throw SourceEnded(attempt: .failed(.timesyncd, """
                unexpected output from \(showTimesync.display): PollIntervalMaxUSec is \
                \(timesync["PollIntervalMaxUSec"].map { "'\($0)'" } ?? "missing")
                """, consulted: consulted))
        }
        return (timesync, maxText, maxSeconds)
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
