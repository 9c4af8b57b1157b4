import Foundation
import PreflightModel

/// A run of whole lines from one log file, parsed on a worker thread while the reader fills the
/// next one. One thread owns it at a time: the reader fills it, a worker parses it, the reader
/// takes the results; `parsed` orders the hand-overs. Line numbers inside are relative to the
/// chunk's first line; the reader shifts them when it takes the results.
final class LogChunk: @unchecked Sendable {
    /// Room for a carried-over partial line plus one read, and padding: the parser may read a
    /// few bytes past a line's end.
    let bytes: UnsafeMutablePointer<UInt8>
    let capacity: Int
    let parser: LogLineParser
    let maxLineBytes: Int
    let parsed = DispatchSemaphore(value: 0)

    // Set by the reader before parsing.
    var fileIndex = 0
    var fileName = ""
    /// Bytes of whole lines at `bytes`; only a file's last chunk may end without a newline.
    var count = 0
    var startsFile = false
    /// A line too long to hold followed the chunk's lines; the reader is skipping it.
    var endsWithOversizedLine = false
    /// Set on a file's last chunk: what the reader learnt about the file as a whole.
    var endOfFile: EndOfFile?

    /// Where an unknown event's name lies in the chunk, and its hash; nil hash: the record had no name.
    struct UnknownName {
        var hash: UInt64?
        var lineStart: Int
        var span: LogValueSpan
    }

    struct EndOfFile {
        var bytes: Int
        var failure: LogReadFailure?
    }

    // Set by parsing.
    private(set) var events: [LogEvent] = []
    /// Each unknown-event record's name, in line order, for the reader to count in reading order.
    private(set) var unknownNames: [UnknownName] = []
    private(set) var lines = 0
    private(set) var tally = LogScanTally()

    init(capacity: Int, maxLineBytes: Int, parser: LogLineParser) {
        self.capacity = capacity
        self.maxLineBytes = maxLineBytes
        self.parser = parser
        bytes = .allocate(capacity: capacity + 16)
        // Pages are touched when first filled; the reader zeroes the 8 bytes after what it fills.
        (bytes + capacity).initialize(repeating: 0, count: 16)
    }

    deinit { bytes.deallocate() }

    /// Makes the chunk ready to be filled from the start of `file` or from its middle.
    func begin(fileIndex: Int, fileName: String, startsFile: Bool) {
        self.fileIndex = fileIndex
        self.fileName = fileName
        self.startsFile = startsFile
        count = 0
        endsWithOversizedLine = false
        endOfFile = nil
    }

    func parse() {
        events.removeAll(keepingCapacity: true)
        unknownNames.removeAll(keepingCapacity: true)
        tally = LogScanTally()
        var line = 0
        var start = 0
        while start < count {
            let found = memchr(bytes + start, Int32(UInt8(ascii: "\n")), count - start)
            let end = found.map { UnsafeMutableRawPointer(bytes).distance(to: $0) } ?? count
            line += 1
            if end - start > maxLineBytes {
                tally.record(.oversizedLine, sample(line, "longer than \(maxLineBytes) bytes"))
            } else {
                parseLine(start, end - start, line: line, terminated: found != nil)
            }
            start = end + 1
        }
        if endsWithOversizedLine {
            line += 1
            tally.record(.oversizedLine, sample(line, "longer than \(maxLineBytes) bytes"))
        }
        lines = line
    }

    /// The event is parsed straight into a new last element of `events`, so that its strings are
    /// neither copied nor retained on the way; the element goes again unless the line was an event.
    @inline(__always)
    private func parseLine(_ start: Int, _ length: Int, line: Int, terminated: Bool) {
        var start = start, length = length
        if startsFile, line == 1, length >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF {
            start += 3  // a UTF-8 byte order mark
            length -= 3
        }
        let position = LogPosition(fileIndex: fileIndex, line: line)
        events.append(LogEvent(kind: .heartbeat, time: LogInstant(nanoseconds: 0), position: position))
        let last = events.count - 1
        switch parser.parse(bytes + start, length, terminated: terminated, position: position, into: &events[last]) {
        case .event:
            tally.countEvent(events[last])
            if let dropped = parser.outOfRange {
                tally.record(.valueOutOfRange, sample(line, "\(dropped.field.rawValue) \(NumberText.plain(dropped.value)) is outside \(NumberText.range(dropped.field.plausibleRange))"))
            }
            return
        case .blank:
            tally.blankLines += 1
        case .narrative:
            tally.narrativeLines += 1
        case .unrecognised(let detail):
            tally.unrecognisedLines.record(sample(line, detail))
        case .bad(let kind, let detail):
            tally.record(kind, sample(line, detail))
        case .unknownEvent:
            let name = parser.unknownName
            tally.record(.unknownEvent, sample(line, name.flatMap { parser.text(bytes + start, $0) }))
            unknownNames.append(UnknownName(
                hash: name.map { UnknownEventNameCounter.hash(bytes + start, $0) }, lineStart: start,
                span: name ?? LogValueSpan()))
        }
        events.removeLast()
    }

    /// Counts the chunk's unknown event names, in line order; their text is read from the chunk.
    func countUnknownNames(into counter: inout UnknownEventNameCounter) {
        for unknown in unknownNames {
            counter.count(hash: unknown.hash) { parser.text(bytes + unknown.lineStart, unknown.span) }
        }
    }

    /// Hands each event to `sink` in place (no copies), its line moved from chunk-relative to file-wide.
    func deliver<Sink: LogEventSink>(to sink: inout Sink, lineOffset: Int) {
        events.withUnsafeMutableBufferPointer { events in
            for index in events.indices {
                events[index].position.line += lineOffset
                sink.consume(events[index])
            }
        }
    }

    private func sample(_ line: Int, _ detail: String?) -> LogSample {
        LogSample(SourceLocation(file: fileName, line: line), detail: detail)
    }
}
