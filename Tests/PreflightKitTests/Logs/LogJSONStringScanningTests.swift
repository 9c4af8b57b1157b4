import Foundation
import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

/// Strings are scanned eight bytes at a time, so every test here moves the interesting byte across
/// all eight positions of a word.
@Suite("JSON strings: scanned a word at a time, exact at every alignment")
struct LogJSONStringScanningTests {
    static let offsets = Array(0..<17)

    static func line(pad: Int, note: String) -> String {
        #"{"pad":"\#(String(repeating: "p", count: pad))","time":1709294400,"event":"heartbeat","note":"\#(note)"}"#
    }

    @Test(arguments: offsets)
    func aClosingQuoteEndsTheStringWhereverItFalls(_ pad: Int) throws {
        let text = (0..<9).map { Self.line(pad: pad, note: String(repeating: "n", count: $0)) }.joined(separator: "\n")
        let (scan, events) = try scanText(text + "\n")
        #expect(scan.badInputCount == 0, "\(scan.badInput)")
        #expect(events.map(\.kind) == Array(repeating: .heartbeat, count: 9))
    }

    @Test(arguments: offsets)
    func escapesAreFollowedAtEveryAlignment(_ pad: Int) throws {
        let notes = [#"\""#, #"a\\"#, #"ab\u00e9c"#, #"\/\b\f\n\r\t"#, #"xyz\"\"\\"#]
        let text = notes.map { Self.line(pad: pad, note: $0) }.joined(separator: "\n")
        let (scan, events) = try scanText(text + "\n")
        #expect(scan.badInputCount == 0, "\(scan.badInput)")
        #expect(events.count == notes.count)
    }

    @Test(arguments: offsets)
    func aRawTabInsideAStringIsInvalidJSON(_ pad: Int) throws {
        let (scan, events) = try scanText(Self.line(pad: pad, note: "a\tb") + "\n")
        #expect(events.isEmpty)
        #expect(scan.count(.invalidJSON) == 1, "\(scan.badInput)")
    }

    @Test(arguments: offsets)
    func aBadEscapeIsInvalidJSON(_ pad: Int) throws {
        for note in [#"\q"#, #"\u12G4"#, #"\u12"#] {
            let (scan, events) = try scanText(Self.line(pad: pad, note: note) + "\n")
            #expect(events.isEmpty, "\(note)")
            #expect(scan.count(.invalidJSON) == 1, "\(note): \(scan.badInput)")
        }
    }

    /// The quote that would close the string sits on the next line, within the eight bytes a
    /// word read sees: it must not count.
    @Test(arguments: offsets)
    func aStringOpenAtTheLineEndDoesNotReachIntoTheNextLine(_ length: Int) throws {
        let open = #"{"time":1709294400,"event":"heartbeat","note":""# + String(repeating: "n", count: length)
        let text = [open, #""}"#, LogBadInputTests.good].joined(separator: "\n") + "\n"
        let (scan, events) = try scanText(text)
        #expect(events.map(\.position.line) == [3])
        #expect(scan.badInput[.invalidJSON]?.samples.map(\.location.line) == [1])
        #expect(scan.badInputCount == 2, "\(scan.badInput)")
    }

    @Test(arguments: offsets)
    func aStringOpenAtTheEndOfTheFileIsTruncated(_ length: Int) throws {
        let open = #"{"time":1709294400,"event":"heartbeat","note":""# + String(repeating: "n", count: length)
        let (scan, events) = try scanText(LogBadInputTests.good + "\n" + open)
        #expect(events.count == 1)
        #expect(scan.badInput[.truncatedLine]?.samples.map(\.location.line) == [2])
    }
}
