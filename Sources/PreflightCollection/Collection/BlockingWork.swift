import Foundation

/// Runs synchronous, blocking work (reading files, waiting for child processes, joining parser threads) on a
/// thread of its own, so that it never holds one of Swift's few cooperative threads while an async task (the
/// probes' deadline, a URLSession answer) waits for one.
enum BlockingWork {
    static func run<Value: Sendable>(_ name: String, _ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.name = name
            thread.start()
        }
    }
}
