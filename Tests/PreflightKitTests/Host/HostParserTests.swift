import Foundation
import PreflightModel
import Testing
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport

/// The parsers on real tool output (captured in fixtures/host from chronyd, timedatectl, adjtimex and ntpstat
/// on this project's Debian container) and on output that must be refused.
@Suite("Host clock parsers")
struct HostParserTests {
    static func fixture(_ path: String) throws -> String {
        try String(contentsOfFile: PackagePaths.root + "/fixtures/host/" + path, encoding: .utf8)
    }

    @Test func chronyTrackingSynchronised() throws {
        let tracking = try ChronyTracking.parse(Self.fixture("chrony-maxpoll9/chronyc-tracking.csv")).get()
        #expect(tracking.synchronised)
        #expect(tracking.leapStatus == "Normal")
        #expect(tracking.name == "127.0.0.1")
        #expect(tracking.stratum == 9)
        #expect(tracking.referenceTime.timeIntervalSince1970 == 1_795_652_496.317278282)
        #expect(tracking.systemTimeOffset < 0)
    }

    @Test func chronyTrackingBeforeTheFirstReply() throws {
        let tracking = try ChronyTracking.parse(Self.fixture("chrony-unsynchronised/chronyc-tracking.csv")).get()
        #expect(!tracking.synchronised)
        #expect(tracking.leapStatus == "Not synchronised")
        #expect(tracking.name.isEmpty)
    }

    @Test func chronySources() throws {
        let synced = try ChronySource.parse(Self.fixture("chrony-maxpoll9/chronyc-sources.csv")).get()
        #expect(synced.count == 1)
        #expect(synced[0].isSelected && synced[0].reach == 0o377 && synced[0].poll == 0)
        let never = try ChronySource.parse(Self.fixture("chrony-unsynchronised/chronyc-sources.csv")).get()
        #expect(never[0].lastRx == nil && !never[0].isSelected)
        let lost = try ChronySource.parse(Self.fixture("chrony-stale/chronyc-sources.csv")).get()
        #expect(lost[0].state == "?" && lost[0].reach == 0)
    }

    @Test("chronyc output that is not what chrony prints is refused", arguments: [
        "506 Cannot talk to daemon\n",
        "7F000001,127.0.0.1,9,1795652496.3172\n",
        "7F000001,127.0.0.1,9,1795652496.3,-0.0000015,0,0,-0.019,0.004,0.322,0.00000595,0.0000016,1.0,Normale\n",
        "7F000001,127.0.0.1,neun,1795652496.3,-0.0000015,0,0,-0.019,0.004,0.322,0.00000595,0.0000016,1.0,Normal\n",
        "",
    ])
    func chronyTrackingRefusesUnexpectedOutput(_ text: String) {
        #expect(throws: HostOutputProblem.self) { try ChronyTracking.parse(text).get() }
    }

    @Test func adjtimexPrintOnAnUnsynchronisedKernel() throws {
        let view = try AdjtimexPrintOutput.parse(Self.fixture("no-daemon/adjtimex.txt")).get()
        #expect(view == KernelClockView(maxErrorMicroseconds: 16_000_000, estErrorMicroseconds: 16_000_000, status: 64, returnCode: 5))
        #expect(!view.synchronised)
        #expect(throws: HostOutputProblem.self) { try AdjtimexPrintOutput.parse("mode: 0\n").get() }
    }

    @Test func timedatectlShowKeyValues() throws {
        let values = try KeyValueOutput.parse(Self.fixture("timesyncd-defaults/timedatectl-show-timesync.txt")).get()
        #expect(values["PollIntervalMaxUSec"] == "34min 8s")
        #expect(HostClockCollector.field("Stratum", in: values["NTPMessage"] ?? "") == "2")
        #expect(HostClockCollector.field("PacketCount", in: "{ Leap=0, Ignored=no PacketCount=1 }") == "1")
        #expect(throws: HostOutputProblem.self) { try KeyValueOutput.parse("Zeitzone: Europe/Berlin\n").get() }
        #expect(KeyValueOutput.bool("ja") == nil)
    }

    @Test("systemd time spans", arguments: [
        ("34min 8s", 2048.0), ("1min 4s", 64), ("32s", 32), ("15min", 900), ("5s", 5), ("0", 0), ("500ms", 0.5),
        ("+316us", 0.000316), ("-412us", -0.000412), ("1h 30min", 5400), ("2.5s", 2.5),
    ])
    func systemdDurations(_ text: String, _ seconds: Double) throws {
        let parsed = try #require(SystemdDuration.seconds(text))
        #expect(abs(parsed - seconds) < 1e-9)
    }

    @Test(arguments: ["", "34 Minuten", "fast", "12"])
    func systemdDurationRefusesOtherText(_ text: String) {
        #expect(SystemdDuration.seconds(text) == nil)
    }

    @Test func timesyncStatusWithTrailingSpacesAndBeforeTheFirstReply() throws {
        let synced = try TimesyncStatusOutput.parse(Self.fixture("timesyncd-defaults/timedatectl-timesync-status.txt")).get()
        #expect(synced.packetCount == 41)
        #expect(synced.offsetSeconds.map { abs($0 + 0.000412) < 1e-12 } == true)
        let waiting = try TimesyncStatusOutput.parse(Self.fixture("timesyncd-unsynchronised/timedatectl-timesync-status.txt")).get()
        #expect(waiting.packetCount == 0 && waiting.offsetSeconds == nil)
    }

    @Test func ntpqPeersAndNtpstat() throws {
        let peers = try NTPQPeer.parse(Self.fixture("ntpd-defaults/ntpq-pn.txt")).get()
        #expect(peers.count == 5)
        let system = try #require(peers.first { $0.isSystemPeer })
        #expect(system.remote == "192.0.2.30" && system.poll == 1024 && system.when == 212 && system.reach == 0o377)
        #expect(peers[0].when == nil)
        #expect(NTPQPeer.seconds("17m") == 1020 && NTPQPeer.seconds("2h") == 7200)
        let stat = try NTPStatOutput.parse(Self.fixture("ntpd-defaults/ntpstat.txt"), exitStatus: 0).get()
        #expect(stat == NTPStatOutput(state: .synchronised, pollSeconds: 1024))
        let down = try NTPStatOutput.parse("", exitStatus: 2).get()
        #expect(down.state == .indeterminate)
        #expect(throws: HostOutputProblem.self) { try NTPQPeer.parse("***Socket error; probably ntpd is not running\n").get() }
    }

    @Test func chronyConfigFollowsConfdirAndSourcedir() throws {
        let folder = PackagePaths.root + "/fixtures/host/chrony-maxpoll9"
        let config = try SyncConfig.read("/etc/chrony/chrony.conf", dialect: .chrony, files: CapturedHostFileSystem(folder: folder)).get()
        #expect(config.lines.map(\.host) == ["2.debian.pool.ntp.org", "192.0.2.10"])
        #expect(config.lines.map(\.maxpoll) == [9, 8])
        // Cited where the capture holds them; the bot host's own paths are kept for the fix.
        #expect(config.lines[0].location == SourceLocation(file: folder + "/root/etc/chrony/chrony.conf", line: 8))
        #expect(config.lines[0].hostPath == "/etc/chrony/chrony.conf")
        #expect(config.lines[1].location.file == folder + "/root/etc/chrony/sources.d/bot.sources")
        #expect(config.lines[1].hostPath == "/etc/chrony/sources.d/bot.sources")
        let ceiling = HostClockCollector.ceiling(config, daemon: "chrony")
        #expect(ceiling.seconds == 512 && !ceiling.isDefault)
    }

    @Test func chronyConfigIncludeGlobAndDefaultMaxpoll() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/conf.d", withIntermediateDirectories: true)
        try "# main\ninclude \(root)/conf.d/*.conf\n".write(toFile: root + "/chrony.conf", atomically: true, encoding: .utf8)
        try "server a.example iburst maxpoll 9\n".write(toFile: root + "/conf.d/a.conf", atomically: true, encoding: .utf8)
        try "! old\npool b.example iburst\n".write(toFile: root + "/conf.d/b.conf", atomically: true, encoding: .utf8)
        try "server c.example maxpoll 12\n".write(toFile: root + "/conf.d/c.ignored", atomically: true, encoding: .utf8)
        let config = try SyncConfig.read(root + "/chrony.conf", dialect: .chrony, files: LiveHostFileSystem()).get()
        #expect(config.lines.map(\.host) == ["a.example", "b.example"])
        let ceiling = HostClockCollector.ceiling(config, daemon: "chrony")
        #expect(ceiling.seconds == 1024 && ceiling.isDefault && ceiling.configLine == "pool b.example iburst")
        #expect(ceiling.location == SourceLocation(file: root + "/conf.d/b.conf", line: 2))
        if case .failure(let problem) = SyncConfig.read(root + "/missing.conf", dialect: .chrony, files: LiveHostFileSystem()) {
            #expect(problem.message.contains("does not exist"))
        } else {
            Issue.record("a missing chrony.conf must be a failure")
        }
    }

    /// Found by the host-sync-config fuzz target: a bare `?` as the include pattern trapped in Foundation's path getters.
    @Test(arguments: ["include ?", "include /?", "include *", "include /etc/chrony/", "include conf.d/*.conf"])
    func oddIncludePatternsAreReadNotTrappedOn(_ line: String) throws {
        let root = try temporaryFolder()
        try "# \n\(line)\nserver a.example maxpoll 9\n".write(toFile: root + "/chrony.conf", atomically: true, encoding: .utf8)
        let config = try SyncConfig.read(root + "/chrony.conf", dialect: .chrony, files: LiveHostFileSystem()).get()
        #expect(config.lines.map(\.host).contains("a.example"))
    }
}

func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "preflight-host-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
