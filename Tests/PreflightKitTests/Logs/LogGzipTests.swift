import Foundation
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

@Suite("Gzip log samples")
struct LogGzipTests {
    static func lines(_ range: Range<Int>) -> String {
        range.map { #"{"time":\#(1_709_294_400 + $0),"event":"heartbeat","n":\#($0)}"# }.joined(separator: "\n") + "\n"
    }

    @Test func aGzipFileIsReadByItsMagicBytesWhateverItsName() throws {
        let folder = try LogFolder()
        try folder.write("app.log", Self.lines(0..<5000))
        let compressed = try folder.gzip("app.log")
        let disguised = try folder.write("app-compressed.jsonl", bytes: try folder.read("app.log.gz"))
        for file in [compressed, disguised] {
            let (scan, events) = scan([file])
            #expect(events.count == 5000)
            #expect(scan.badInputCount == 0)
            #expect(events.last?.position.line == 5000)
            #expect(scan.bytes == Self.lines(0..<5000).utf8.count)
        }
    }

    @Test func concatenatedMembersReadAsOneStream() throws {
        let folder = try LogFolder()
        try folder.write("a.log", Self.lines(0..<100))
        try folder.write("b.log", Self.lines(100..<250))
        try folder.gzip("a.log")
        try folder.gzip("b.log")
        let both = try folder.write("both.log.gz", bytes: try folder.read("a.log.gz") + folder.read("b.log.gz"))
        let (scan, events) = scan([both])
        #expect(scan.badInputCount == 0)
        #expect(events.count == 250)
        #expect(events.map(\.time.nanoseconds) == (0..<250).map { march1Noon + Int64($0) * 1_000_000_000 })
    }

    @Test func aDamagedMemberStopsTheFileAndIsCountedLinesBeforeItStay() throws {
        let folder = try LogFolder()
        try folder.write("app.log", Self.lines(0..<20000))
        try folder.gzip("app.log")
        var bytes = try folder.read("app.log.gz")
        for index in stride(from: bytes.count / 2, to: bytes.count / 2 + 64, by: 1) { bytes[index] ^= 0x5A }
        let damaged = try folder.write("damaged.log.gz", bytes: bytes)
        let (scan, events) = scan([damaged])
        #expect(events.count > 0)
        #expect(events.count < 20000)
        let tally = try #require(scan.badInput[.corruptGzip])
        #expect(tally.count == 1)
        #expect(tally.samples.first?.location.file == damaged)
        #expect(tally.samples.first?.detail?.isEmpty == false)
    }

    @Test func aTruncatedMemberIsCorruptToo() throws {
        let folder = try LogFolder()
        try folder.write("app.log", Self.lines(0..<2000))
        try folder.gzip("app.log")
        let whole = try folder.read("app.log.gz")
        let cut = try folder.write("cut.log.gz", bytes: Array(whole.prefix(whole.count * 2 / 3)))
        let (scan, events) = scan([cut])
        #expect(events.count > 0 && events.count < 2000)
        #expect(scan.badInput[.corruptGzip]?.samples.first?.detail == "the gzip data ends in the middle of a member")
    }

    @Test func junkAfterTheLastMemberIsCorrupt() throws {
        let folder = try LogFolder()
        try folder.write("app.log", Self.lines(0..<10))
        try folder.gzip("app.log")
        let whole = try folder.read("app.log.gz")
        let file = try folder.write("tail.log.gz", bytes: whole + Array("not gzip".utf8))
        let (scan, events) = scan([file])
        #expect(events.count == 10)
        #expect(scan.count(.corruptGzip) == 1)
    }

    @Test func anEmptyGzipFileIsAnEmptyFile() throws {
        let folder = try LogFolder()
        try folder.write("empty.log", "")
        let (scan, events) = scan([try folder.gzip("empty.log")])
        #expect(events.isEmpty)
        #expect(scan.count(.emptyFile) == 1)
        #expect(scan.badInputCount == 1)
    }
}

@Suite("Standard input")
struct LogStandardInputTests {
    /// Feeds `bytes` through a real pipe standing in for standard input, from another thread.
    static func readThroughPipe(_ bytes: [UInt8]) throws -> (LogScan, [LogEvent]) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(.EIO) }
        let writeEnd = ends[1]
        let writer = Thread {
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let count = write(writeEnd, raw.baseAddress! + offset, min(4096, raw.count - offset))
                    if count <= 0 { break }
                    offset += count
                }
            }
            close(writeEnd)
        }
        writer.start()
        var reader = LogReader()
        reader.standardInputDescriptor = ends[0]
        var sink = CollectingSink()
        let scan = reader.read(LogSources.resolve(["-"]), into: &sink)
        close(ends[0])
        return (scan, sink.events)
    }

    @Test func plainAndGzipLogsReadFromAPipe() throws {
        let folder = try LogFolder()
        let text = LogGzipTests.lines(0..<3000)
        try folder.write("app.log", text)
        try folder.gzip("app.log")
        for bytes in [Array(text.utf8), try folder.read("app.log.gz")] {
            let (scan, events) = try Self.readThroughPipe(bytes)
            #expect(scan.files == ["<stdin>"])
            #expect(events.count == 3000)
            #expect(scan.badInputCount == 0)
        }
    }
}
