import Foundation
import PreflightModel
import PreflightSupport

/// ntpd: ntpq's peers and ntpstat, then the poll ceiling its config allows.
extension HostClockCollector {
    func ntpd() -> TimeSourceAttempt {
        let peers = command("ntpq", ["-pn"])
        let peersResult = runner.run(peers)
        var consulted = [runner.cite(peers)]
        if let problem = HostCommandProblem.describe(peersResult, command: peers) {
            return problem.attempt(.ntpd, consulted: consulted)
        }
        let said = peersResult.stdout + peersResult.stderr
        // ntpsec's ntpq exits 0 even when no daemon answers; classic ntpq says "Connection refused".
        for sign in ["Socket error", "Connection refused", "ntpd is not running", "nothing received"] where said.contains(sign) {
            return .skipped(.ntpd, "ntpd is not running (ntpq: \(peersResult.firstMessage ?? sign))", consulted: consulted)
        }
        guard peersResult.succeeded else {
            return .failed(.ntpd, HostCommandProblem.exitReason(peersResult, command: peers), consulted: consulted)
        }
        let rows: [NTPQPeer]
        switch NTPQPeer.parse(peersResult.stdout) {
        case .success(let parsed): rows = parsed
        case .failure(let problem): return .failed(.ntpd, "unexpected output from \(peers.display): \(problem.message)", consulted: consulted)
        }
        let systemPeer = rows.first(where: \.isSystemPeer)
        var status = TimeSyncStatus(
            active: true, synchronised: systemPeer != nil,
            synchronisedBecause: systemPeer.map { "system peer \($0.remote) (tally \($0.tally))" } ?? "no system peer (* or o) in ntpq -pn",
            server: systemPeer?.remote, stratum: systemPeer?.stratum,
            currentPollSeconds: systemPeer.map { Double($0.poll) },
            offsetSeconds: systemPeer.map { $0.offsetMilliseconds / 1000 }
        )
        if let systemPeer, let when = systemPeer.when {
            status.lastSyncAgeSeconds = Double(when)
            status.lastSyncAgeSource = "ntpq's 'when' for the system peer"
            if let observedAt { status.lastSync = observedAt.addingTimeInterval(-Double(when)) }
        }

        let stat = command("ntpstat", [])
        let statResult = runner.run(stat)
        if HostCommandProblem.describe(statResult, command: stat) == nil, case .exited(let code) = statResult.termination {
            consulted.append(runner.cite(stat))
            switch NTPStatOutput.parse(statResult.stdout, exitStatus: code) {
            case .success(let output):
                switch output.state {
                case .synchronised: break
                case .unsynchronised:
                    status.synchronised = false
                    status.synchronisedBecause = "ntpstat: unsynchronised (exit 1)"
                case .indeterminate:
                    return .failed(.ntpd, "ntpstat cannot tell whether ntpd is synchronised (exit 2: \(statResult.firstMessage ?? "no message"))", consulted: consulted)
                }
            case .failure(let problem):
                return .failed(.ntpd, "unexpected output from ntpstat: \(problem.message)", consulted: consulted)
            }
        }

        readPollCeiling(configuration.ntpConfigPaths, dialect: .ntp, daemon: "ntpd", into: &status, consulted: &consulted)
        return .used(.ntpd, status, consulted: consulted)
    }
}
