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
}
