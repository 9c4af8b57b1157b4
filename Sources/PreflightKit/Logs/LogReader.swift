import Foundation
import PreflightModel

/// Streams log samples into events. Memory stays bounded whatever the input size: files are read
/// in chunks into one buffer of a little over `maxLineBytes`; a longer line is skipped as it
/// streams past, never held whole.
public struct LogReader: Sendable {
    public static let defaultMaxLineBytes = 1 << 20

    public var vocabulary: LogVocabulary
    public var format: LogsSection.Format
    public var timeFormat: LogsSection.TimeFormat
    /// Lines longer than this (newline excluded) are skipped and counted as oversized.
    public var maxLineBytes: Int
    /// Bytes asked of the file (or of zlib) per read.
    public var chunkBytes: Int
    /// Told after each chunk: bytes read so far in this file and its name. For a progress line; nil costs nothing.
    public var progress: (@Sendable (_ fileBytes: Int, _ file: String) -> Void)?
    /// What `-` reads; a pipe in tests.
    var standardInputDescriptor: Int32 = 0

    public init(
        vocabulary: LogVocabulary = LogVocabulary(), format: LogsSection.Format = .auto,
        timeFormat: LogsSection.TimeFormat = .auto, maxLineBytes: Int = defaultMaxLineBytes,
        chunkBytes: Int = 256 * 1024
    ) {
        self.vocabulary = vocabulary
        self.format = format
        self.timeFormat = timeFormat
        self.maxLineBytes = maxLineBytes
        self.chunkBytes = chunkBytes
    }

    /// Reads with the manifest's `logs` section: its aliases, format and time format.
    public init(_ section: LogsSection?) {
        self.init(
            vocabulary: LogVocabulary(section),
            format: section?.format?.value ?? .auto,
            timeFormat: section?.timeFormat?.value ?? .auto
        )
    }

    /// Reads every input in order, handing each event to `sink`, and sums up what it read.
    public func read<Sink: LogEventSink>(_ sources: LogSources, into sink: inout Sink) -> LogScan {
        var tally = LogScanTally()
        tally.scan.unreadable = sources.unreadable
        let parser = LogLineParser(vocabulary: vocabulary, format: format, timeFormat: timeFormat)
        // Padded past its capacity: the parser may read a few bytes beyond a line's end.
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: maxLineBytes + 1 + chunkBytes + 16, alignment: 16)
        buffer.initializeMemory(as: UInt8.self, repeating: 0, count: maxLineBytes + 1 + chunkBytes + 16)
        defer { buffer.deallocate() }
        for input in sources.inputs {
            let source: LogByteSource
            switch input {
            case .standardInput:
                source = LogByteSource(descriptor: standardInputDescriptor, ownsDescriptor: false)
            case .file(let path):
                switch LogByteSource.open(path) {
                case .success(let opened): source = opened
                case .failure(let failure):
                    tally.scan.unreadable.append(UnreadableLog(path: path, reason: failure.reason))
                    continue
                }
            }
            let fileIndex = tally.scan.files.count
            tally.scan.files.append(input.name)
            readLines(from: source, fileIndex: fileIndex, name: input.name, buffer: buffer, parser: parser,
                      tally: &tally, sink: &sink)
        }
        return tally.finish(unknownEventNames: parser.unknownEventNames)
    }

    /// Reads and only counts: events by kind and bad input.
    public func read(_ sources: LogSources) -> LogScan {
        var sink = DiscardingLogSink()
        return read(sources, into: &sink)
    }

    private func readLines<Sink: LogEventSink>(
        from source: LogByteSource, fileIndex: Int, name: String, buffer: UnsafeMutableRawPointer,
        parser: LogLineParser, tally: inout LogScanTally, sink: inout Sink
    ) {
        let capacity = maxLineBytes + 1 + chunkBytes
        let bytes = buffer.assumingMemoryBound(to: UInt8.self)
        var lineStart = 0
        var end = 0
        var searchFrom = 0
        var lineNumber = 0
        var fileBytes = 0
        // Inside a line longer than the limit: its bytes are dropped until its newline.
        var skipping = false
        var event = LogEvent(kind: .heartbeat, time: LogInstant(nanoseconds: 0), position: LogPosition(fileIndex: 0, line: 0))

        @inline(__always)
        func handle(_ start: Int, _ length: Int, terminated: Bool) {
            lineNumber += 1
            var start = start, length = length
            if lineNumber == 1, length >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF {
                start += 3  // a UTF-8 byte order mark
                length -= 3
            }
            let position = LogPosition(fileIndex: fileIndex, line: lineNumber)
            switch parser.parse(bytes + start, length, terminated: terminated, position: position, into: &event) {
            case .event:
                tally.countEvent(event.kind)
                sink.consume(event)
            case .blank:
                break
            case .bad(let kind, let detail):
                tally.record(kind, LogSample(SourceLocation(file: name, line: lineNumber), detail: detail))
            case .unknownEvent:
                tally.record(.unknownEvent, LogSample(
                    SourceLocation(file: name, line: lineNumber), detail: parser.unknownEventName()))
            }
        }

        source.sniff()
        while true {
            if capacity - end < chunkBytes {
                // Move the unfinished line to the front to make room for the next chunk.
                let pending = end - lineStart
                memmove(buffer, buffer + lineStart, pending)
                searchFrom -= lineStart
                lineStart = 0
                end = pending
            }
            let count = source.read(into: buffer + end, min(chunkBytes, capacity - end))
            if count <= 0 { break }
            end += count
            fileBytes += count
            progress?(fileBytes, name)
            while searchFrom < end,
                let found = memchr(buffer + searchFrom, Int32(UInt8(ascii: "\n")), end - searchFrom)
            {
                let newline = buffer.distance(to: found)
                if skipping {
                    skipping = false
                } else if newline - lineStart > maxLineBytes {
                    lineNumber += 1
                    tally.record(.oversizedLine, LogSample(
                        SourceLocation(file: name, line: lineNumber), detail: "longer than \(maxLineBytes) bytes"))
                } else {
                    handle(lineStart, newline - lineStart, terminated: true)
                }
                lineStart = newline + 1
                searchFrom = lineStart
            }
            searchFrom = end
            if !skipping, end - lineStart > maxLineBytes {
                lineNumber += 1
                tally.record(.oversizedLine, LogSample(
                    SourceLocation(file: name, line: lineNumber), detail: "longer than \(maxLineBytes) bytes"))
                skipping = true
            }
            if skipping {
                lineStart = end
                searchFrom = end
            }
        }
        if !skipping, end > lineStart { handle(lineStart, end - lineStart, terminated: false) }

        tally.scan.lines += lineNumber
        tally.scan.bytes += fileBytes
        switch source.failure {
        case .system(let reason)?:
            tally.scan.unreadable.append(UnreadableLog(path: name, reason: reason))
        case .corruptGzip(let reason)?:
            tally.record(.corruptGzip, LogSample(SourceLocation(file: name, line: lineNumber + 1), detail: reason))
        case nil:
            if fileBytes == 0 { tally.record(.emptyFile, LogSample(SourceLocation(file: name))) }
        }
    }
}

extension LogReadFailure {
    var reason: String {
        switch self {
        case .system(let reason), .corruptGzip(let reason): reason
        }
    }
}
