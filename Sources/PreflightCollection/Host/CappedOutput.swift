import Foundation

/// Bytes read from one pipe, up to a cap; reading continues past it so the child never blocks on a full pipe.
final class CappedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private let cap: Int
    private var data = Data()
    private var dropped = false

    init(cap: Int) { self.cap = cap }

    /// Reads on a thread of its own: a busy dispatch pool must not delay the reading past the wait below.
    func drain(_ handle: FileHandle, group: DispatchGroup) {
        group.enter()
        Thread.detachNewThread {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                self.append(chunk)
            }
            group.leave()
        }
    }

    private func append(_ chunk: Data) {
        lock.lock()
        defer { lock.unlock() }
        let room = max(0, cap - data.count)
        if chunk.count > room { dropped = true }
        data.append(chunk.prefix(room))
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    var truncated: Bool {
        lock.lock()
        defer { lock.unlock() }
        return dropped
    }
}
