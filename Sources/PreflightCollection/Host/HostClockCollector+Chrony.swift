import Foundation
import PreflightModel
import PreflightSupport

/// chrony: chronyc tracking and sources, then the poll ceiling its config allows.
extension HostClockCollector {
    func chrony() -> TimeSourceAttempt {
        let tracking = command("chronyc", configuration.chronycArguments + ["-c", "tracking"])
        let trackingResult = runner.run(tracking)
        var consulted = [runner.cite(tracking)]
        if let problem = HostCommandProblem.describe(trackingResult, command: tracking) {
            return problem.attempt(.chrony, consulted: consulted)
        }
        guard trackingResult.succeeded else {
            let said = trackingResult.stdout + trackingResult.stderr
            if said.contains("506 Cannot talk to daemon") || said.contains("Could not open connection to daemon") {
                return .skipped(.chrony, "chronyd is not running (chronyc: \(trackingResult.firstMessage ?? "no answer"))", consulted: consulted)
            }
            return .failed(.chrony, HostCommandProblem.exitReason(trackingResult, command: tracking), consulted: consulted)
        }
        let state: ChronyTracking
        switch ChronyTracking.parse(trackingResult.stdout) {
        case .success(let parsed): state = parsed
        case .failure(let problem): return .failed(.chrony, "unexpected output from \(tracking.display): \(problem.message)", consulted: consulted)
        }
        var status = TimeSyncStatus(
            active: true, synchronised: state.synchronised, synchronisedBecause: "leap status \(state.leapStatus)",
            server: state.name.isEmpty ? nil : state.name, stratum: state.stratum,
            offsetSeconds: -state.systemTimeOffset
        )
        if state.synchronised {
            status.lastSync = state.referenceTime
            status.lastSyncAgeSeconds = observedAt.map { $0.timeIntervalSince(state.referenceTime) }
            status.lastSyncAgeSource = "chrony's ref time \(Timestamp.iso8601(state.referenceTime))"
        }

        let sources = command("chronyc", configuration.chronycArguments + ["-c", "sources"])
        let sourcesResult = runner.run(sources)
        consulted.append(runner.cite(sources))
        if let problem = HostCommandProblem.describe(sourcesResult, command: sources) {
            if !problem.isAbsence { return .failed(.chrony, problem.reason, consulted: consulted) }
        } else if !sourcesResult.succeeded {
            return .failed(.chrony, HostCommandProblem.exitReason(sourcesResult, command: sources), consulted: consulted)
        } else {
            switch ChronySource.parse(sourcesResult.stdout) {
            case .success(let rows):
                if let selected = rows.first(where: \.isSelected) {
                    status.currentPollSeconds = pow(2, Double(selected.poll))
                }
            case .failure(let problem):
                return .failed(.chrony, "unexpected output from \(sources.display): \(problem.message)", consulted: consulted)
            }
        }

        readPollCeiling(configuration.chronyConfigPaths, dialect: .chrony, daemon: "chrony", into: &status, consulted: &consulted)
        return .used(.chrony, status, consulted: consulted)
    }

    /// The daemon's poll ceiling from the first of its config files that exists (chrony and ntpd keep it only there).
    func readPollCeiling(
        _ paths: [String], dialect: SyncConfig.Dialect, daemon: String, into status: inout TimeSyncStatus, consulted: inout [String]
    ) {
        guard let path = paths.first(where: { if case .missing = files.read($0) { false } else { true } }) else {
            status.pollCeilingUnknownBecause = "no \(daemon) configuration at \(paths.map(files.cite).joined(separator: " or "))"
            return
        }
        switch SyncConfig.read(path, dialect: dialect, files: files) {
        case .success(let config):
            consulted += config.files
            status.pollCeiling = Self.ceiling(config, daemon: daemon)
            if !config.problems.isEmpty { status.pollCeilingUnknownBecause = config.problems.joined(separator: "; ") }
        case .failure(let problem):
            status.pollCeilingUnknownBecause = problem.message
        }
    }

    /// The longest maxpoll any source line allows (a line without one gets the built-in 10).
    static func ceiling(_ config: SyncConfig, daemon: String) -> PollCeiling {
        guard let widest = config.lines.max(by: { ($0.maxpoll ?? defaultMaxpoll) < ($1.maxpoll ?? defaultMaxpoll) }) else {
            return PollCeiling(
                seconds: 1 << defaultMaxpoll,
                origin: "\(daemon)'s default maxpoll \(defaultMaxpoll): no server, pool or peer line in \(config.files.joined(separator: ", "))",
                isDefault: true
            )
        }
        let exponent = min(max(widest.maxpoll ?? defaultMaxpoll, -7), 24)
        let seconds = exponent >= 0 ? 1 << exponent : 1
        if let maxpoll = widest.maxpoll {
            return PollCeiling(seconds: seconds, origin: "maxpoll \(maxpoll) on the \(widest.directive) line",
                               location: widest.location, hostPath: widest.capturedHostPath, configLine: widest.text)
        }
        return PollCeiling(
            seconds: seconds, origin: "\(daemon)'s default maxpoll \(defaultMaxpoll): the \(widest.directive) line sets none",
            location: widest.location, hostPath: widest.capturedHostPath, configLine: widest.text, isDefault: true
        )
    }
}
