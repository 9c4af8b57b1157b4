import Foundation
import PreflightModel

/// Streams log samples into events. Memory stays bounded whatever the input size: files are read
/// into a fixed pool of chunks of a little over `maxLineBytes + chunkBytes` each, parsed on worker
/// threads and handed to the sink in reading order; a line longer than `maxLineBytes` is skipped as
/// it streams past, never held whole.
public struct LogReader: Sendable {
    public static let defaultMaxLineBytes = 1 << 20

    public var vocabulary: LogVocabulary
    public var format: LogsSection.Format
    public var timeFormat: LogsSection.TimeFormat
    /// Lines longer than this (the newline excluded; a carriage return before it and a byte-order
    /// mark included) are skipped and counted as oversized.
    public var maxLineBytes: Int
    /// Bytes asked of the file (or of zlib) per read, and the least a chunk takes in before it is parsed.
    public var chunkBytes: Int
    /// Told after each chunk: bytes read so far in this file and its name. For a progress line; nil costs nothing.
    public var progress: (@Sendable (_ fileBytes: Int, _ file: String) -> Void)?
    /// Chunks parsed at once on worker threads; 0 parses on the calling thread.
    public var parallelism: Int
    /// One worker per core, up to 4: past that the fact builders, which take events in order on one
    /// thread, are the bottleneck, and each worker costs a chunk's memory.
    public static let defaultParallelism = min(4, ProcessInfo.processInfo.activeProcessorCount)
    /// What `-` reads; a pipe in tests.
    var standardInputDescriptor: Int32 = 0

    public init(
        vocabulary: LogVocabulary = LogVocabulary(), format: LogsSection.Format = .auto,
        timeFormat: LogsSection.TimeFormat = .auto, maxLineBytes: Int = defaultMaxLineBytes,
        chunkBytes: Int = 256 * 1024, parallelism: Int = defaultParallelism
    ) {
        precondition(chunkBytes > 0 && maxLineBytes >= 0, "a log reader needs chunkBytes > 0 and maxLineBytes >= 0")
        self.parallelism = parallelism
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

    /// Reads every input in order, handing each event to `sink` in reading order, and sums up what
    /// it read. Lines are parsed on `parallelism` worker threads; `sink` runs on the calling thread.
    public func read<Sink: LogEventSink>(_ sources: LogSources, into sink: inout Sink) -> LogScan {
        var tally = LogScanTally()
        tally.scan.unreadable = sources.unreadable
        var pipeline = LogChunkPipeline(parallelism: parallelism) {
            LogChunk(
                capacity: maxLineBytes + 1 + chunkBytes, maxLineBytes: maxLineBytes,
                parser: LogLineParser(vocabulary: vocabulary, format: format, timeFormat: timeFormat))
        }
        defer { pipeline.stop() }
        var unknownNames = UnknownEventNameCounter()
        var lineOffset = 0
        var file = LogScanTally()
        let carry = UnsafeMutablePointer<UInt8>.allocate(capacity: maxLineBytes + 1)
        defer { carry.deallocate() }
        func take(_ chunk: LogChunk) {
            self.take(chunk, lineOffset: &lineOffset, file: &file, tally: &tally, unknownNames: &unknownNames, sink: &sink)
        }
        func takeAll() {
            while let chunk = pipeline.finishOldest() {
                take(chunk)
                pipeline.recycle(chunk)
            }
        }
        for input in sources.inputs {
            let source: LogByteSource
            switch input {
            case .standardInput:
                source = LogByteSource(descriptor: standardInputDescriptor, ownsDescriptor: false)
            case .file(let path):
                switch LogByteSource.open(path) {
                case .success(let opened): source = opened
                case .failure(let failure):
                    takeAll()  // files earlier in the list report first
                    tally.scan.unreadable.append(UnreadableLog(path: path, reason: failure.reason))
                    continue
                }
            }
            let fileIndex = tally.scan.files.count
            tally.scan.files.append(input.name)
            readChunks(from: source, fileIndex: fileIndex, name: input.name, carry: carry) {
                if let chunk = pipeline.takeFree() { return chunk }
                let chunk = pipeline.finishOldest()!
                take(chunk)
                return chunk
            } submit: {
                pipeline.submit($0)
            }
        }
        takeAll()
        return tally.finish(unknownEventNames: unknownNames)
    }

    /// Reads and only counts: events by kind and bad input.
    public func read(_ sources: LogSources) -> LogScan {
        var sink = DiscardingLogSink()
        return read(sources, into: &sink)
    }

    /// Hands a parsed chunk's events to the sink with file-wide line numbers, and adds up its counts;
    /// after a file's last chunk, what is known of the file as a whole.
    @inline(__always)
    private func take<Sink: LogEventSink>(
        _ chunk: LogChunk, lineOffset: inout Int, file: inout LogScanTally, tally: inout LogScanTally,
        unknownNames: inout UnknownEventNameCounter, sink: inout Sink
    ) {
        if chunk.startsFile { file = LogScanTally() }
        chunk.deliver(to: &sink, lineOffset: lineOffset)
        tally.absorb(chunk.tally, lineOffset: lineOffset)
        file.absorb(chunk.tally, lineOffset: lineOffset)
        chunk.countUnknownNames(into: &unknownNames)
        lineOffset += chunk.lines
        guard let end = chunk.endOfFile else { return }
        let name = chunk.fileName
        tally.scan.sources.append(LogSource(
            file: name, reading: reading, lines: lineOffset, blankLines: file.blankLines, events: file.eventCount, badLines: file.badInputCount,
            narrativeLines: file.narrativeLines, unrecognisedLines: file.unrecognisedLines,
            requestRecords: file.requestRecords, successfulRequests: file.successfulRequests,
            failedRequests: file.failedRequests
        ))
        tally.scan.lines += lineOffset
        tally.scan.bytes += end.bytes
        switch end.failure {
        case .system(let reason)?:
            tally.scan.unreadable.append(UnreadableLog(path: name, reason: reason))
        case .corruptGzip(let reason)?:
            tally.record(.corruptGzip, LogSample(SourceLocation(file: name, line: lineOffset + 1), detail: reason))
        case nil:
            if end.bytes == 0 { tally.record(.emptyFile, LogSample(SourceLocation(file: name))) }
        }
        lineOffset = 0
    }

    /// Cuts one input into chunks of whole lines: each holds what a partial line carried over from
    /// the chunk before, then at least `chunkBytes` more read up to the last newline. A line
    /// longer than `maxLineBytes` is never held whole: it is marked on the chunk and skipped.
    private func readChunks(
        from source: LogByteSource, fileIndex: Int, name: String, carry: UnsafeMutablePointer<UInt8>,
        obtain: () -> LogChunk, submit: (LogChunk) -> Void
    ) {
        var carried = 0
        var fileBytes = 0
        var skipping = false
        var startsFile = true
        var atEnd = false
        source.sniff()
        while !atEnd {
            let chunk = obtain()
            chunk.begin(fileIndex: fileIndex, fileName: name, startsFile: startsFile)
            startsFile = false
            let bytes = chunk.bytes
            chunk.bytes.update(from: carry, count: carried)
            let (end, wholeLines) = fill(
                chunk, after: carried, from: source, name: name, fileBytes: &fileBytes, skipping: &skipping, atEnd: &atEnd
            )
            if atEnd {
                chunk.count = end
                carried = 0
                chunk.endOfFile = LogChunk.EndOfFile(bytes: fileBytes, failure: source.failure)
            } else {
                chunk.count = wholeLines
                carried = end - wholeLines
                carry.update(from: bytes + wholeLines, count: carried)
            }
            // The parser reads whole words a few bytes past a line's end: give them defined contents.
            (bytes + chunk.count).update(repeating: 0, count: 8)
            submit(chunk)
        }
    }

    /// Reads into the chunk after the `carried` bytes already there, until it holds a whole line and
    /// `chunkBytes` new bytes, the input ends (`atEnd`), or its last line outgrows `maxLineBytes` (marked on
    /// the chunk; `skipping` then drops the rest of that line from the next read). Returns how far the
    /// chunk is filled and one past its last newline (0 when it has none).
    private func fill(
        _ chunk: LogChunk, after carried: Int, from source: LogByteSource, name: String,
        fileBytes: inout Int, skipping: inout Bool, atEnd: inout Bool
    ) -> (end: Int, wholeLines: Int) {
        let newline = Int32(UInt8(ascii: "\n"))
        let bytes = chunk.bytes
        var end = carried
        var wholeLines = 0
        while true {
            var count = source.read(into: bytes + end, min(chunkBytes, chunk.capacity - end))
            if count <= 0 {
                atEnd = true
                return (end, wholeLines)
            }
            fileBytes += count
            progress?(fileBytes, name)
            if skipping {
                guard let found = memchr(bytes + end, newline, count) else { continue }
                let dropped = UnsafeMutableRawPointer(bytes + end).distance(to: found) + 1
                count -= dropped
                (bytes + end).update(from: bytes + end + dropped, count: count)
                skipping = false
            }
            // Backwards: the last newline is usually one line from the end.
            var index = end + count
            while index > end, bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
            if index > end { wholeLines = index }
            end += count
            if end - wholeLines > maxLineBytes {
                chunk.endsWithOversizedLine = true
                skipping = true
                return (wholeLines, wholeLines)
            }
            if wholeLines > 0, end - carried >= chunkBytes { return (end, wholeLines) }
        }
    }
}

extension LogReader {
    /// How this reader reads its lines, as each source records it.
    var reading: LogSource.Reading {
        switch format {
        case .freqtrade: .freqtradeText
        case .hummingbot: .hummingbotText
        case .auto, .jsonl, .logfmt: .structured
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
