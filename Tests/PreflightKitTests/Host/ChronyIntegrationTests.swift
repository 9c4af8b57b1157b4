import Foundation
import PreflightModel
import Testing
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport

/// A5 against a real chronyd (`-x`, never touching the clock) synchronised to a second chronyd on 127.0.0.1.
/// Needs chrony installed (`.ci/run` and `scripts/test` install it); fails, rather than skips, without it.
@Suite("A5 against a real chronyd", .serialized)
struct ChronyIntegrationTests {
    /// On a machine where systemd is PID 1, timesyncd would be asked first; hide timedatectl there so the
    /// private chronyd is what decides. Without systemd (CI containers), the real timedatectl is asked and refuses.
    struct HidingRunner: CommandRunner {
        var base = ProcessCommandRunner()
        var hidden: Set<String>

        func run(_ command: Command) -> CommandResult {
            hidden.contains(command.executable) ? CommandResult(termination: .notFound) : base.run(command)
        }
    }

    static var systemdIsPID1: Bool {
        (try? String(contentsOfFile: "/proc/1/comm", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) == "systemd"
    }

    func collect(_ lab: ChronyLab) -> HostClockEvidence {
        HostClockCollector(
            runner: HidingRunner(hidden: Self.systemdIsPID1 ? ["timedatectl"] : []), files: LiveHostFileSystem(),
            kernel: SystemKernelClock(), origin: .live(host: "chrony-lab"), observedAt: Date(),
            configuration: .init(chronyConfigPaths: [lab.clientConfig], chronycArguments: ["-h", lab.clientSocket])
        ).collect()
    }

    @Test func chronydWithMaxpoll9DecidesAndPassesThePollRule() throws {
        #expect(ChronyLab.chronyd != nil, "chronyd is not installed: apt-get install -y chrony")
        let lab = try ChronyLab(clientMaxpoll: 9)
        defer { lab.stop() }
        try lab.start()
        try lab.waitUntilSynchronised()

        let host = collect(lab)
        let deciding = try #require(host.deciding, "\(host.sources)")
        #expect(deciding.source == .chrony)
        if !Self.systemdIsPID1 { #expect(host.attempt(.timesyncd)?.reason == "systemd is not PID 1") }
        let status = try #require(deciding.status)
        #expect(status.synchronised == true)
        #expect(status.server == "127.0.0.1")
        #expect(status.pollCeiling?.seconds == 512)
        #expect(status.pollCeiling?.location == SourceLocation(file: lab.clientConfig, line: 1))
        let age = try #require(status.lastSyncAgeSeconds)
        #expect(age >= -1 && age < 60)
        #expect(host.kernel != nil, "the kernel's view is read through adjtimex(2)")

        let item = try evaluateA5(host)
        // A chronyd -x does not steer the kernel clock: on an unsynchronised kernel A5 warns about that,
        // never about the poll interval.
        #expect(item.status == .pass || item.status == .warn, "\(item.summary)")
        #expect(!item.summary.contains("polls as rarely"))
        if host.kernel?.synchronised == false { #expect(item.summary.contains("not steering this clock")) }
    }

    @Test func chronydAtDefaultMaxpollFailsWithTheExactFix() throws {
        let lab = try ChronyLab(clientMaxpoll: nil)
        defer { lab.stop() }
        try lab.start()
        try lab.waitUntilSynchronised()

        let host = collect(lab)
        #expect(host.deciding?.source == .chrony)
        #expect(host.deciding?.status?.pollCeiling?.seconds == 1024)
        let item = try evaluateA5(host)
        #expect(item.status == .fail)
        #expect(item.summary.contains("polls as rarely as every 1024 s"), "\(item.summary)")
        #expect(item.remediation?.contains("\(lab.clientConfig):1: `server 127.0.0.1 port \(lab.serverPort) iburst minpoll 0 maxpoll 9`") == true,
                "\(item.remediation ?? "")")

        // Once chronyd stops, chrony is skipped with the reason, and nothing passes.
        lab.stopClient()
        let stopped = collect(lab)
        #expect(stopped.attempt(.chrony)?.outcome == .skipped)
        #expect(stopped.attempt(.chrony)?.reason?.hasPrefix("chronyd is not running") == true, "\(stopped.sources)")
        #expect(try evaluateA5(stopped).status != .pass)
    }
}
