import Foundation
import PreflightModel
import Testing
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport

/// Real stand-in programs on a private search path: a tool that hangs, prints translated or garbled text,
/// or exits nonzero is recorded as a failure, and A5 says error or unknown, never pass.
@Suite("Host collector with misbehaving tools")
struct HostToolFailureTests {
    /// Writes executable stand-ins into a fresh folder, e.g. `["chronyc": "sleep 30"]`.
    static func tools(_ scripts: [String: String]) throws -> String {
        let folder = try temporaryFolder()
        for (name, body) in scripts {
            let path = folder + "/" + name
            try "#!/bin/sh\n\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        return folder
    }

    static func collect(with folder: String, deadline: Double = 1) -> HostClockEvidence {
        HostClockCollector(
            runner: ProcessCommandRunner(searchPath: [folder]), files: LiveHostFileSystem(), kernel: SystemKernelClock(),
            origin: .live(host: "stand-in"), observedAt: Date(),
            configuration: .init(chronyConfigPaths: [folder + "/chrony.conf"], deadline: deadline)
        ).collect()
    }

    @Test func aHangingChronycIsStoppedAndGivesAnError() throws {
        let folder = try Self.tools(["chronyc": "exec sleep 30"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let started = Date()
        let host = Self.collect(with: folder)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(host.attempt(.timesyncd)?.reason == "timedatectl not installed")
        #expect(host.attempt(.chrony)?.outcome == .failed)
        #expect(host.attempt(.chrony)?.reason?.contains("did not finish within 1 s") == true)
        let item = try evaluateA5(host)
        #expect(item.status == .error)
    }

    @Test func aLocalisedTimedatectlIsRefusedNotGuessed() throws {
        let folder = try Self.tools([
            "timedatectl": "printf 'Zeitzone=Europe/Berlin\\nNTP=ja\\nNTPSynchronized=ja\\n'",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let host = Self.collect(with: folder)
        #expect(host.attempt(.timesyncd)?.outcome == .failed)
        #expect(host.attempt(.timesyncd)?.reason?.contains("NTPSynchronized=ja") == true)
        let item = try evaluateA5(host)
        #expect(item.status == .error, "\(item.summary)")
    }

    @Test func anUnexpectedExitIsAFailureWithTheToolsOwnWords() throws {
        let folder = try Self.tools(["chronyc": "echo '501 Not authorised' >&2; exit 1"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let host = Self.collect(with: folder)
        #expect(host.attempt(.chrony)?.reason == "chronyc -c tracking exited with status 1: 501 Not authorised")
        #expect(try evaluateA5(host).status == .error)
    }

    @Test func aSynchronisedChronyWithoutReadableConfigIsUnknownNotPass() throws {
        let folder = try Self.tools([
            "chronyc": """
                case "$2" in
                tracking) echo '7F000001,127.0.0.1,9,'"$(date +%s)"'.5,-0.000001,0,0,-0.019,0.004,0.322,0.000006,0.000002,64.0,Normal' ;;
                sources) echo '^,*,127.0.0.1,8,6,377,12,0.0000002,0.0000003,0.000003' ;;
                esac
                """,
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let host = Self.collect(with: folder)
        let status = try #require(host.deciding?.status)
        #expect(host.deciding?.source == .chrony)
        #expect(status.currentPollSeconds == 64)
        #expect(status.pollCeiling == nil)
        let item = try evaluateA5(host)
        #expect(item.status == .unknown, "\(item.summary)")
        #expect(item.summary.contains("poll ceiling is not known"))
    }
}
