import Foundation
import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

@Suite("Log inputs: files, globs, directories, stdin")
struct LogSourcesTests {
    static let line = #"{"time":1709294400,"event":"heartbeat"}"# + "\n"

    @Test func globsMatchInPathOrderAndRelativeSpecsResolveFromTheBase() throws {
        let folder = try LogFolder()
        try folder.write("logs/b.jsonl", Self.line)
        try folder.write("logs/a.jsonl", Self.line + Self.line)
        try folder.write("logs/notes.txt", "not a log")
        let (scan, events) = scan(["logs/*.jsonl"], base: folder.path)
        #expect(scan.files == [folder.path + "/logs/a.jsonl", folder.path + "/logs/b.jsonl"])
        #expect(events.map(\.position) == [
            LogPosition(fileIndex: 0, line: 1), LogPosition(fileIndex: 0, line: 2), LogPosition(fileIndex: 1, line: 1),
        ])
    }

    @Test func aDirectoryContributesEveryFileBelowItButHiddenOnes() throws {
        let folder = try LogFolder()
        try folder.write("logs/2024/03/app.log", Self.line)
        try folder.write("logs/app.log", Self.line)
        try folder.write("logs/.hidden.log", "junk")
        try folder.write("logs/.cache/x.log", "junk")
        let sources = LogSources.resolve([folder.path + "/logs"])
        #expect(sources.inputs == [.file(folder.path + "/logs/2024/03/app.log"), .file(folder.path + "/logs/app.log")])
        #expect(sources.unreadable.isEmpty)
    }

    @Test func aPathNamedTwiceIsReadOnce() throws {
        let folder = try LogFolder()
        let file = try folder.write("app.log", Self.line)
        let (scan, events) = scan([file, folder.path + "/*.log", folder.path])
        #expect(scan.files == [file])
        #expect(events.count == 1)
    }

    @Test func aGlobWithoutMatchesAndAnEmptyDirectoryAreUnreadable() throws {
        let folder = try LogFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/empty", withIntermediateDirectories: true)
        let sources = LogSources.resolve(["*.nothing", "empty"], relativeTo: folder.path)
        #expect(sources.inputs.isEmpty)
        #expect(sources.unreadable == [
            UnreadableLog(path: folder.path + "/*.nothing", reason: "no file matches this pattern"),
            UnreadableLog(path: folder.path + "/empty", reason: "directory holds no files"),
        ])
        #expect(LogReader().read(sources).unreadable == sources.unreadable)
    }

    @Test func aDashIsStandardInput() {
        let sources = LogSources.resolve(["-", "-"])
        #expect(sources.inputs == [.standardInput])
        #expect(sources.inputs.first?.name == "<stdin>")
    }

    @Test func theManifestsLogsSectionConfiguresTheReader() throws {
        let manifest = try ManifestLoader.parse("""
            version: 1
            bot:
              name: t
              exchange: binance
            logs:
              format: logfmt
              time_format: epoch_ms
              fields:
                endpoint: path
              events:
                api_request: http_call
            """, path: "bot.yml")
        let reader = LogReader(manifest.logs)
        #expect(reader.format == .logfmt)
        #expect(reader.timeFormat == .epochMillis)
        let (_, events) = try scanText("ts=1709294400000 event=http_call path=/api/v3/time\n", reader: reader)
        #expect(events.first?.kind == .apiRequest)
        #expect(events.first?.endpoint == "/api/v3/time")
        #expect(events.first?.time.nanoseconds == march1Noon)
    }
}
