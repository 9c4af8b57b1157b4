import Foundation
import PreflightModel
import PreflightSupport

/// Reads the host's clock synchronisation: systemd-timesyncd, then chrony, then ntpd, and always the kernel.
///
/// The first daemon that answers decides A5; the ones before it say why they were skipped. Nothing here
/// throws: a tool that is missing, hangs, fails or prints something unexpected is recorded in the evidence.
public struct HostClockCollector: EvidenceCollector {
    public static let timesyncMarker = "/run/systemd/timesync/synchronized"

    public struct Configuration: Sendable {
        /// chrony.conf candidates; the first that exists is read.
        public var chronyConfigPaths: [String]
        /// Put before `-c tracking` (e.g. `-h /run/test/chronyd.sock` to ask a private chronyd).
        public var chronycArguments: [String]
        public var ntpConfigPaths: [String]
        /// Seconds each command may run.
        public var deadline: Double
        public var outputCap: Int

        public init(
            chronyConfigPaths: [String] = ["/etc/chrony/chrony.conf", "/etc/chrony.conf"],
            chronycArguments: [String] = [],
            ntpConfigPaths: [String] = ["/etc/ntpsec/ntp.conf", "/etc/ntp.conf"],
            deadline: Double = 5,
            outputCap: Int = 256 * 1024
        ) {
            self.chronyConfigPaths = chronyConfigPaths
            self.chronycArguments = chronycArguments
            self.ntpConfigPaths = ntpConfigPaths
            self.deadline = deadline
            self.outputCap = outputCap
        }
    }

    /// chrony's and ntpd's built-in maxpoll: 2^10 = 1024 s.
    static let defaultMaxpoll = 10

    public var runner: any CommandRunner
    public var files: any HostFileSystem
    public var kernel: any KernelClockReader
    public var origin: HostClockEvidence.Origin
    /// The moment ages are measured to; nil when a capture does not record it.
    public var observedAt: Date?
    public var configuration: Configuration
    var notes: [String] = []

    public init(
        runner: any CommandRunner, files: any HostFileSystem, kernel: any KernelClockReader,
        origin: HostClockEvidence.Origin, observedAt: Date?, configuration: Configuration = Configuration()
    ) {
        self.runner = runner
        self.files = files
        self.kernel = kernel
        self.origin = origin
        self.observedAt = observedAt
        self.configuration = configuration
    }

    /// This machine, now.
    public static func live(now: Date = Date(), configuration: Configuration = Configuration()) -> HostClockCollector {
        HostClockCollector(
            runner: ProcessCommandRunner(), files: LiveHostFileSystem(), kernel: SystemKernelClock(),
            origin: .live(host: ProcessInfo.processInfo.hostName), observedAt: now, configuration: configuration
        )
    }

    /// A folder captured on the bot host (layout: `HostCaptures`).
    public static func captured(folder: String) -> HostClockCollector {
        let runner = CapturedCommandRunner(folder: folder)
        let dateFile = (folder as NSString).appendingPathComponent(HostCaptures.captureTime)
        // `date +%s` prints whole seconds since 1970; anything else (inf, 1e300, a year past 2200) is no capture time.
        let epoch = HostFileRead.small(dateFile)
            .flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            .flatMap { (0...7.3e9).contains($0) ? $0 : nil }
        var collector = HostClockCollector(
            runner: runner, files: CapturedHostFileSystem(folder: folder), kernel: AdjtimexCommandKernelClock(runner: runner),
            origin: .captured(folder: folder), observedAt: epoch.map { Date(timeIntervalSince1970: $0) },
            configuration: Configuration(chronyConfigPaths: ["/etc/chrony/chrony.conf", "/etc/chrony.conf"])
        )
        if epoch == nil {
            collector.notes.append("the capture time is not recorded (\(dateFile) missing or not `date +%s` output): sync ages cannot be measured")
        }
        return collector
    }

    /// The host's clock is the same whatever the bot: the manifest is not needed. Commands are waited for
    /// on a thread of their own.
    public func collect(for manifest: Manifest) async -> HostClockEvidence {
        await BlockingWork.run("preflight.host") { collect() }
    }

    public func collect() -> HostClockEvidence {
        var sources: [TimeSourceAttempt] = []
        let markerAge = files.modificationTime(Self.timesyncMarker).flatMap { modified in
            observedAt.map { $0.timeIntervalSince(modified) }
        }
        for source in [TimeSource.timesyncd, .chrony, .ntpd] {
            let attempt = switch source {
            case .timesyncd: timesyncd(markerAge: markerAge)
            case .chrony: chrony()
            default: ntpd()
            }
            sources.append(attempt)
            if attempt.outcome == .used { break }
        }
        var kernelView: KernelClockView?
        switch kernel.read() {
        case .view(let view, let consulted):
            kernelView = view
            sources.append(TimeSourceAttempt(source: .kernel, outcome: .used, consulted: [consulted]))
        case .failed(let reason, let consulted):
            sources.append(.failed(.kernel, reason, consulted: [consulted]))
        }
        return HostClockEvidence(
            origin: origin, observedAt: observedAt, sources: sources, kernel: kernelView,
            timesyncMarkerAgeSeconds: markerAge, notes: notes
        )
    }

    func command(_ executable: String, _ arguments: [String]) -> Command {
        Command(executable, arguments, deadline: configuration.deadline, outputCap: configuration.outputCap)
    }

    // MARK: systemd-timesyncd

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

    /// `timedatectl show`: whether NTP is enabled and whether the clock is synchronised.
    private func timesyncdNTPSwitches(consulted: inout [String]) -> SourceStep<(enabled: Bool, synchronised: Bool)> {
        let show = command("timedatectl", ["show"])
        let showResult = runner.run(show)
        consulted.append(runner.cite(show))
        if let problem = HostCommandProblem.describe(showResult, command: show) {
            return .ended(problem.attempt(.timesyncd, consulted: consulted))
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
    private func timesyncdProperties(
        consulted: inout [String]
    ) -> SourceStep<(properties: [String: String], maxText: String, maxSeconds: Double)> {
        let showTimesync = command("timedatectl", ["show-timesync"])
        let timesyncResult = runner.run(showTimesync)
        consulted.append(runner.cite(showTimesync))
        if let problem = HostCommandProblem.describe(timesyncResult, command: showTimesync) {
            return .ended(problem.attempt(.timesyncd, consulted: consulted))
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
    private func readTimesyncStatus(into status: inout TimeSyncStatus, consulted: inout [String]) -> TimeSourceAttempt? {
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

    // MARK: chrony

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
    private func readPollCeiling(
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

    // MARK: ntpd

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
