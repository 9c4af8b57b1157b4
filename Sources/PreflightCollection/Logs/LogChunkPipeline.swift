
/// A fixed pool of chunks, parsed on `parallelism` worker threads and handed back in the order they
/// were submitted. The pool bounds memory whatever the input size. Call `stop` when done.
struct LogChunkPipeline {
    private var free: [LogChunk]
    /// Oldest first; never longer than the pool.
    private var inFlight: [LogChunk] = []
    private let pool: [LogChunk]
    private let workers: LogParseWorkers?

    /// `parallelism` 0 parses each chunk on the calling thread as it is submitted.
    init(parallelism: Int, makeChunk: () -> LogChunk) {
        // One more than the workers so a chunk can be filled while they parse, one more so the
        // oldest can be taken apart meanwhile.
        pool = (0..<(parallelism > 0 ? parallelism + 2 : 1)).map { _ in makeChunk() }
        free = pool
        workers = parallelism > 0 ? LogParseWorkers(count: parallelism) : nil
    }

    /// A chunk ready to fill, or nil when all are in flight: then take the oldest with `finishOldest`.
    mutating func takeFree() -> LogChunk? { free.popLast() }

    mutating func submit(_ chunk: LogChunk) {
        inFlight.append(chunk)
        if let workers {
            workers.submit(chunk)
        } else {
            chunk.parse()
        }
    }

    /// Waits for the oldest chunk in flight to be parsed and hands it over; nil when none is in flight.
    /// The caller owns it until it gives it back with `recycle` (or fills it again).
    mutating func finishOldest() -> LogChunk? {
        guard !inFlight.isEmpty else { return nil }
        let chunk = inFlight.removeFirst()
        if workers != nil { chunk.parsed.wait() }
        return chunk
    }

    mutating func recycle(_ chunk: LogChunk) { free.append(chunk) }

    /// Ends the worker threads; chunks still in flight are parsed first.
    func stop() { workers?.stop() }
}
