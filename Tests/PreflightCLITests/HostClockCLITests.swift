import Foundation
import Testing

/// `preflight audit` with and without host evidence: opt-in only, captured folders judged, bad folders refused.
@Suite("preflight audit and the host clock", .serialized)
struct HostClockCLITests {
    static let manifest = PreflightBinary.root + "/fixtures/bots/ready/preflight.yml"

    static func a5(_ arguments: [String]) throws -> (status: Int32, item: [String: Any]) {
        let run = try PreflightBinary.run(["audit", "--offline", "--manifest", manifest, "--only", "A5", "--format", "json"] + arguments)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "stderr: \(run.stderr)")
        let items = try #require(report["items"] as? [[String: Any]])
        return (run.status, try #require(items.first))
    }

    @Test func withoutAFlagTheHostIsNotReadAndA5SaysHowToCollect() throws {
        let (status, item) = try Self.a5([])
        // A5 alone, unknown: nothing evaluated, so the gate fails (exit 1) rather than pass on no evidence.
        #expect(status == 1)
        #expect(item["status"] as? String == "unknown")
        #expect((item["summary"] as? String)?.contains("run on the bot host with --host, or pass --host-captures DIR") == true)
    }

    @Test(arguments: [("chrony-maxpoll9", "pass", Int32(0)), ("timesyncd-defaults", "fail", 1), ("chronyc-localised", "error", 1)])
    func capturedFoldersAreJudged(_ folder: String, _ expected: String, _ exit: Int32) throws {
        let (status, item) = try Self.a5(["--host-captures", PreflightBinary.root + "/fixtures/host/" + folder])
        #expect(item["status"] as? String == expected, "\(item["summary"] ?? "")")
        #expect(status == exit)
    }

    @Test func liveCollectionSaysItReadThisMachine() throws {
        let run = try PreflightBinary.run(["audit", "--offline", "--manifest", Self.manifest, "--only", "A5", "--host"])
        #expect(run.stdout.contains("live on host") || run.stdout.contains("read live on"), "\(run.stdout)")
        #expect(!run.stdout.contains("A5 ntp-sync · critical\n         clock sync of the bot's host not checked"))
    }

    @Test func aBundleCarriesTheHostEvidenceToTheSameVerdict() throws {
        let scratch = NSTemporaryDirectory() + "preflight-host-bundle-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let captures = ["--host-captures", PreflightBinary.root + "/fixtures/host/chrony-defaults", "--now", "2026-11-26T00:30:00Z"]
        let audit = try PreflightBinary.run(["audit", "--offline", "--manifest", Self.manifest, "--format", "json"] + captures)
        let collect = try PreflightBinary.run(["collect", "--offline", "--manifest", Self.manifest, "--output", scratch + "/bundle.json"] + captures)
        #expect(collect.status == 0, "\(collect.stderr)")
        let evaluate = try PreflightBinary.run(["evaluate", scratch + "/bundle.json", "--format", "json"])
        #expect(evaluate.stdout == audit.stdout)
        #expect(audit.stdout.contains("polls as rarely as every 1024 s"))
    }

    @Test func aMissingCaptureFolderIsAInputError() throws {
        let run = try PreflightBinary.run(["audit", "--offline", "--manifest", Self.manifest, "--host-captures", "/no/such/folder"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("/no/such/folder"))
        let both = try PreflightBinary.run(["audit", "--offline", "--manifest", Self.manifest, "--host", "--host-captures", "/tmp"])
        #expect(both.status == 2)
    }
}
