import CZlib

/// Streams a gzip file's decompressed bytes through zlib, member after member (a concatenation of
/// gzip files is itself a gzip file). Bytes after the last member that are not another member
/// make the data corrupt, as does a member cut short.
final class GzipInflater {
    private static let inputCapacity = 128 * 1024
    /// zlib keeps a pointer back to the stream, so the stream must not move: it lives on the heap.
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutablePointer<UInt8>
    private var inputEnded = false
    /// Whether a member has begun and not yet ended.
    private var inMember = false
    private var finished = false
    private(set) var failure: LogReadFailure?

    init(initialInput: [UInt8]) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(capacity: max(Self.inputCapacity, initialInput.count))
        initialInput.withUnsafeBufferPointer { input.update(from: $0.baseAddress!, count: $0.count) }
        stream.pointee.next_in = input
        stream.pointee.avail_in = UInt32(initialInput.count)
        // 15 window bits + 16: expect a gzip wrapper, not zlib's.
        if inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) != Z_OK {
            failure = .corruptGzip("zlib could not start")
            finished = true
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    /// Fills up to `capacity` decompressed bytes, pulling compressed ones from `readInput`
    /// (which returns 0 at the end, -1 on failure). Returns 0 when done or failed.
    func inflate(
        into buffer: UnsafeMutableRawPointer, _ capacity: Int,
        readInput: (UnsafeMutableRawPointer, Int) -> Int
    ) -> Int {
        guard !finished else { return 0 }
        stream.pointee.next_out = buffer.assumingMemoryBound(to: UInt8.self)
        stream.pointee.avail_out = UInt32(min(capacity, Int(UInt32.max)))
        let produced = { capacity - Int(self.stream.pointee.avail_out) }
        while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0, !inputEnded {
                let count = readInput(input, Self.inputCapacity)
                if count <= 0 {
                    inputEnded = true
                } else {
                    stream.pointee.next_in = input
                    stream.pointee.avail_in = UInt32(count)
                }
            }
            if stream.pointee.avail_in == 0, inputEnded {
                if inMember { fail("the gzip data ends in the middle of a member") }
                finished = true
                break
            }
            inMember = true
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                inMember = false
                inflateReset(stream)
            case Z_BUF_ERROR:
                // No progress possible: more input is needed (the loop fetches it) or output is full.
                if stream.pointee.avail_in != 0 { return produced() }
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                fail(message)
            }
            if finished { break }
        }
        return produced()
    }

    private func fail(_ reason: String) {
        failure = .corruptGzip(reason)
        finished = true
    }
}
