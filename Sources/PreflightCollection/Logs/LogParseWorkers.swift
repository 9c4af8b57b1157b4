import Foundation

/// Threads of its own that parse submitted chunks, oldest first. Its own threads, not a shared pool:
/// the reader blocks its caller (often a Swift concurrency thread) while it waits for a chunk, and
/// that wait must never depend on a pool the caller itself occupies.
final class LogParseWorkers: @unchecked Sendable {
    // `queue` and `stopping` are guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [LogChunk] = []
    private var stopping = false

    init(count: Int) {
        for index in 0..<count {
            let thread = Thread { [self] in
                // Named from inside: on Linux that is what names the OS thread (seen in top, gdb, /proc).
                Thread.current.name = "preflight-log-\(index)"
                work()
            }
            thread.start()
        }
    }

    /// Parses `chunk` on a worker; `chunk.parsed` is signalled when it is done.
    func submit(_ chunk: LogChunk) {
        condition.lock()
        queue.append(chunk)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads end once the queue is empty. Call once, when nothing more will be submitted.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while queue.isEmpty, !stopping { condition.wait() }
            guard !queue.isEmpty else {
                condition.unlock()
                return
            }
            let chunk = queue.removeFirst()
            condition.unlock()
            chunk.parse()
            chunk.parsed.signal()
        }
    }
}
