import Foundation
import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

@Suite("Log bad input: counted with samples, never fatal")
struct LogBadInputTests {
    static let good = #"{"time":1709294400,"event":"heartbeat"}"#

    @Test(arguments: [
        (#"{"time":1709294400,"event":"heartbeat",}"#, LogBadInputKind.invalidJSON),
        (#"{"time":01709294400,"event":"heartbeat"}"#, .invalidJSON),
        (#"{"time":1709294400,"event":"heartbeat"} trailing"#, .invalidJSON),
        (#"{"time":1709294400,"event":"heartbeat","x":[1,2,}"#, .invalidJSON),
        (#"{"time":1709294400,"event":"heart\qbeat"}"#, .invalidJSON),
        (#"{"time":1709294400,"event":tru}"#, .invalidJSON),
        ("[1,2,3]", .unparseableLine),
        ("plain text without pairs", .unparseableLine),
        ("\u{0}\u{1}\u{2}\u{7f}garbage", .binaryJunk),
        (#"{"time":1709294400,"event":"heartbeat"}"# + "\u{1b}[0m", .binaryJunk),
        (#"{"time":1709294400,"event":"no_such_event"}"#, .unknownEvent),
        (#"{"time":1709294400,"msg":"starting strategy"}"#, .unknownEvent),
        (#"{"event":"heartbeat","level":"info"}"#, .missingTimestamp),
        (#"{"event":"heartbeat","time":null}"#, .missingTimestamp),
        (#"{"event":"heartbeat","time":"yesterday"}"#, .invalidTimestamp),
        (#"{"event":"heartbeat","time":"2024-02-30T00:00:00Z"}"#, .invalidTimestamp),
    ] as [(String, LogBadInputKind)])
    func eachBadLineIsCountedWithItsLocation(_ line: String, _ kind: LogBadInputKind) throws {
        let (scan, events) = try scanText([Self.good, line, Self.good].joined(separator: "\n") + "\n")
        #expect(events.count == 2)
        #expect(scan.lines == 3)
        #expect(scan.badInputCount == 1, "\(scan.badInput)")
        let tally = try #require(scan.badInput[kind])
        #expect(tally.count == 1)
        #expect(tally.samples.first?.location.line == 2)
        #expect(tally.samples.first?.location.file.hasSuffix("app.log") == true)
    }

    @Test func invalidUTF8IsBinaryJunk() throws {
        let folder = try LogFolder()
        let bytes = Array((Self.good + "\n").utf8) + [0x7B, 0x22, 0xC3, 0x28, 0xFF, 0x0A] + Array((Self.good + "\n").utf8)
        let (scan, events) = LogBadInputTests.read(try folder.write("junk.log", bytes: bytes))
        #expect(events.count == 2)
        #expect(scan.badInput[.binaryJunk]?.samples.first?.location.line == 2)
    }

    @Test func aCutOffLastLineIsTruncatedButAWholeOneWithoutNewlineIsFine() throws {
        let (cut, cutEvents) = try scanText(Self.good + "\n" + #"{"time":1709294400,"event":"hea"#)
        #expect(cutEvents.count == 1)
        #expect(cut.badInput[.truncatedLine]?.samples.first?.location.line == 2)

        let (whole, wholeEvents) = try scanText(Self.good + "\n" + Self.good)
        #expect(wholeEvents.count == 2)
        #expect(whole.badInputCount == 0)
        #expect(whole.lines == 2)
    }

    @Test func anEmptyFileIsCountedAndBlankLinesAreNot() throws {
        let folder = try LogFolder()
        let empty = try folder.write("empty.log", "")
        let blanks = try folder.write("blanks.log", "\n  \n\r\n" + Self.good + "\n")
        let (scan, events) = LogBadInputTests.read(empty, blanks)
        #expect(events.count == 1)
        #expect(scan.files == [empty, blanks])
        #expect(scan.badInputCount == 1)
        #expect(scan.badInput[.emptyFile]?.samples == [LogSample(SourceLocation(file: empty))])
    }

    @Test func samplesStopAtFiveButTheCountGoesOn() throws {
        let text = (0..<12).map { _ in "not json {" }.joined(separator: "\n") + "\n"
        let (scan, _) = try scanText(text)
        let tally = try #require(scan.badInput[.unparseableLine])
        #expect(tally.count == 12)
        #expect(tally.samples.map(\.location.line) == [1, 2, 3, 4, 5])
    }

    @Test func unknownEventNamesAreTalliedForAliasHints() throws {
        let text = [
            #"{"time":1,"event":"http_call"}"#, #"{"time":1,"event":"http_call"}"#, #"{"time":1,"event":"tick"}"#,
            #"{"time":1,"level":"info"}"#,
        ].joined(separator: "\n") + "\n"
        let (scan, _) = try scanText(text)
        #expect(scan.count(.unknownEvent) == 4)
        #expect(scan.unknownEventNames.map(\.name) == ["http_call", "(no event or message field)", "tick"])
        #expect(scan.unknownEventNames.first?.count == 2)
    }

    @Test func aLineOverTheLimitIsSkippedAndTheNextLineStillReads() throws {
        let folder = try LogFolder()
        let huge = #"{"time":1709294400,"event":"heartbeat","pad":""# + String(repeating: "x", count: 1_100_000) + #""}"#
        let file = try folder.write("huge.log", [Self.good, huge, Self.good].joined(separator: "\n") + "\n")
        let (scan, events) = LogBadInputTests.read(file)
        #expect(events.map(\.position.line) == [1, 3])
        #expect(scan.lines == 3)
        #expect(scan.badInput[.oversizedLine]?.samples.first?.location.line == 2)
        #expect(scan.badInputCount == 1)
    }

    @Test func anOversizedLineAtTheEndWithoutNewlineIsCountedOnce() throws {
        let folder = try LogFolder()
        let file = try folder.write("tail.log", Self.good + "\n" + String(repeating: "y", count: 300))
        let (scan, events) = LogBadInputTests.read(file, reader: LogReader(maxLineBytes: 100, chunkBytes: 64))
        #expect(events.count == 1)
        #expect(scan.count(.oversizedLine) == 1)
        #expect(scan.badInputCount == 1)
    }

    @Test func aFileThatCannotBeOpenedIsRecordedWithTheSystemsReason() throws {
        let folder = try LogFolder()
        let regular = try folder.write("app.log", Self.good + "\n")
        let missing = folder.path + "/missing.log"
        let throughAFile = regular + "/inner.log"
        let (scan, events) = LogBadInputTests.read(missing, regular, throughAFile)
        #expect(events.count == 1)
        #expect(scan.files == [regular])
        #expect(scan.unreadable == [
            UnreadableLog(path: missing, reason: String(cString: strerror(ENOENT))),
            UnreadableLog(path: throughAFile, reason: String(cString: strerror(ENOTDIR))),
        ])
    }

    @Test func aDirectoryReadAsAFileIsUnreadableWithTheSystemsReason() throws {
        let folder = try LogFolder()
        let scan = LogReader().read(LogSources(inputs: [.file(folder.path)]))
        #expect(scan.unreadable == [UnreadableLog(path: folder.path, reason: String(cString: strerror(EISDIR)))])
        #expect(scan.count(.emptyFile) == 0)
    }

    @Test func aByteOrderMarkBeforeTheFirstRecordIsIgnored() throws {
        let folder = try LogFolder()
        let file = try folder.write("bom.log", bytes: [0xEF, 0xBB, 0xBF] + Array((Self.good + "\n" + Self.good + "\n").utf8))
        let (scan, events) = LogBadInputTests.read(file)
        #expect(events.count == 2)
        #expect(scan.badInputCount == 0)
    }

    static func read(_ paths: String..., reader: LogReader = LogReader()) -> (LogScan, [LogEvent]) {
        scan(paths, reader: reader)
    }
}
