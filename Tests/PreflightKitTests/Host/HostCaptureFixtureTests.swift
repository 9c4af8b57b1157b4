import Foundation
import PreflightModel
import Testing
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport

/// What a captured-output fixture must give: A5's verdict, the deciding source, a phrase of the summary.
struct HostFixtureExpectation: Decodable {
    var status: Status
    var decidedBy: TimeSource?
    var mentioning: String

    enum CodingKeys: String, CodingKey {
        case status, decidedBy = "decided_by", mentioning
    }
}

/// A5 judged from evidence alone, as `preflight audit --only A5` would.
func evaluateA5(_ host: HostClockEvidence?, policy: String = "") throws -> ReportItem {
    let manifest = try ManifestLoader.parse(
        "version: 1\nbot:\n  name: example\n  exchange: binance\n" + policy, path: "example.yml")
    let evidence = Evidence(collectedAt: Date(timeIntervalSince1970: 1_795_564_800), manifest: manifest, host: host)
    let report = Auditor(selection: try Selection.parse(only: ["A5"], skip: [])).evaluate(evidence)
    return try #require(report.items.first)
}

@Suite("A5 on captured host outputs")
struct HostCaptureFixtureTests {
    static let folder = PackagePaths.root + "/fixtures/host"
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { FileManager.default.fileExists(atPath: folder + "/" + $0 + "/expected.json") }.sorted()

    @Test func theFixturesCoverEveryRequiredCase() {
        for required in [
            "timesyncd-defaults", "timesyncd-tuned", "chrony-defaults", "chrony-maxpoll9", "ntpd-defaults",
            "chrony-unsynchronised", "timesyncd-unsynchronised", "no-daemon",
        ] {
            #expect(Self.cases.contains(required), "fixtures/host/\(required) is missing")
        }
    }

    @Test("each capture gets its expected verdict", arguments: cases)
    func captureGetsItsVerdict(_ name: String) throws {
        let folder = Self.folder + "/" + name
        let expectation = try JSONDecoder().decode(
            HostFixtureExpectation.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/expected.json")))
        let host = HostClockCollector.captured(folder: folder).collect()
        #expect(host.origin == .captured(folder: folder))
        #expect(host.deciding?.source == expectation.decidedBy, "\(host.sources)")
        #expect(host.sources.last?.source == .kernel, "the kernel's view is always read")
        let item = try evaluateA5(host)
        #expect(item.status == expectation.status, "\(name): \(item.summary)")
        #expect(item.summary.contains(expectation.mentioning), "\(name): summary '\(item.summary)' lacks '\(expectation.mentioning)'")
        if item.status != .pass { #expect(!(item.remediation ?? "").isEmpty) }
        #expect(!item.evidence.isEmpty && item.evidence.allSatisfy { $0.source == .host })
    }

    @Test func withoutSystemdTheReportSaysWhyEachSourceWasSkipped() throws {
        let host = HostClockCollector.captured(folder: Self.folder + "/chrony-defaults").collect()
        #expect(host.attempt(.timesyncd)?.outcome == .skipped)
        #expect(host.attempt(.timesyncd)?.reason == "systemd is not PID 1")
        let item = try evaluateA5(host)
        #expect(item.details.contains { $0.contains("decided by chrony; systemd-timesyncd skipped: systemd is not PID 1") })
        let none = HostClockCollector.captured(folder: Self.folder + "/no-daemon").collect()
        #expect(none.attempt(.chrony)?.reason?.hasPrefix("chronyd is not running") == true)
        #expect(none.attempt(.ntpd)?.reason == "ntpq not installed")
    }

    @Test func remediationNamesTheExactSettingAndValue() throws {
        let chrony = try evaluateA5(HostClockCollector.captured(folder: Self.folder + "/chrony-defaults").collect())
        let captured = Self.folder + "/chrony-defaults/root/etc/chrony/chrony.conf"
        #expect(chrony.remediation?.contains("/etc/chrony/chrony.conf:8 on the bot host (captured as \(captured):8): `pool 2.debian.pool.ntp.org iburst maxpoll 9`") == true,
                "\(chrony.remediation ?? "")")
        // The evidence names the file that exists in the capture, not the bot host's path.
        #expect(chrony.evidence.contains { $0.location?.file == captured && $0.location?.line == 8 }, "\(chrony.evidence)")
        #expect(!chrony.evidence.contains { $0.location?.file == "/etc/chrony/chrony.conf" })
        #expect(chrony.summary.contains("(\(captured):8"), "\(chrony.summary)")
        let timesyncd = try evaluateA5(HostClockCollector.captured(folder: Self.folder + "/timesyncd-defaults").collect())
        #expect(timesyncd.remediation?.contains("PollIntervalMaxSec=900") == true)
        #expect(timesyncd.remediation?.contains("/etc/systemd/timesyncd.conf") == true)
    }

    @Test func aTighterPolicyCeilingMovesTheVerdictAndTheFix() throws {
        let host = HostClockCollector.captured(folder: Self.folder + "/timesyncd-tuned").collect()
        let item = try evaluateA5(host, policy: "policy:\n  thresholds:\n    poll_ceiling_s: 600\n")
        #expect(item.status == .fail)
        #expect(item.remediation?.contains("PollIntervalMaxSec=600") == true)
    }

    @Test func theCapturesRoundTripThroughJSON() throws {
        let host = HostClockCollector.captured(folder: Self.folder + "/chrony-maxpoll9").collect()
        let encoder = JSONEncoder()
        let decoded = try JSONDecoder().decode(HostClockEvidence.self, from: encoder.encode(host))
        #expect(decoded == host)
    }

    @Test func aCaptureWithoutItsTimeCannotPass() throws {
        let copy = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: Self.folder + "/chrony-maxpoll9", toPath: copy)
        try FileManager.default.removeItem(atPath: copy + "/date.txt")
        let item = try evaluateA5(HostClockCollector.captured(folder: copy).collect())
        #expect(item.status == .unknown)
        #expect(item.summary.contains("last successful sync is not known"))
    }

    @Test func theReadmeGivesTheCaptureScriptTheCollectorReads() throws {
        let readme = try String(contentsOfFile: PackagePaths.root + "/README.md", encoding: .utf8)
        #expect(readme.contains(HostCaptures.script.trimmingCharacters(in: .whitespacesAndNewlines)))
        for file in HostCaptures.files.values { #expect(readme.contains("`\(file)`"), "README does not name \(file)") }
    }

    /// Runs the README's script with `sh` on this machine and reads the folder it writes.
    @Test func theCaptureScriptRunsAndItsFolderIsRead() throws {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let shell = ProcessCommandRunner().run(Command("sh", ["-c", "cd '\(scratch)' && " + HostCaptures.script], deadline: 60))
        #expect(shell.termination == .exited(0), "\(shell.stderr)")
        let folder = scratch + "/clock"
        for file in HostCaptures.files.values {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + file + ".exit"), "\(file).exit missing")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/root/etc/chrony/chrony.keys"), "keys must never be captured")
        let host = HostClockCollector.captured(folder: folder).collect()
        #expect(host.observedAt != nil)
        #expect(host.sources.first?.source == .timesyncd)
        #expect(host.sources.allSatisfy { $0.outcome == .used || $0.reason != nil })
        _ = try evaluateA5(host)
    }

    @Test func notCollectedStaysUnknownAndSaysHowToCollect() throws {
        let item = try evaluateA5(nil)
        #expect(item.status == .unknown)
        #expect(item.summary.contains("host evidence not collected (run on the bot host with --host, or pass --host-captures DIR)"))
    }
}
