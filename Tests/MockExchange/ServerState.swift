import Foundation
import Glibc

/// Everything the accept thread, the connection threads and the test share.
///
/// `@unchecked Sendable` because the compiler cannot see the locking: every stored property is read and
/// written only while holding `condition` (an NSCondition rather than Synchronization's Mutex, which needs
/// macOS 15 while the package targets macOS 13).
final class ServerState: @unchecked Sendable {
    private let condition = NSCondition()
    private let listener: Int32
    private var stopped = false
    private var listenerClosed = false
    /// Faults by path prefix; the empty prefix matches every path.
    private var faults: [String: MockExchangeFault] = [:]
    private var log: [MockExchangeRequest] = []
    private var accepted = 0
    private var openConnections: Set<Int32> = []
    private var runningThreads = 0

    init(listener: Int32) {
        self.listener = listener
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    var isStopped: Bool { locked { stopped } }
    var requests: [MockExchangeRequest] { locked { log } }
    var acceptedConnections: Int { locked { accepted } }
    var threadCount: Int { locked { runningThreads } }

    func record(_ request: MockExchangeRequest) { locked { log.append(request) } }

    /// `nil` fault with `nil` prefix clears every fault; `nil` fault with a prefix clears that prefix only.
    func setFault(_ fault: MockExchangeFault?, forPathPrefix prefix: String?) {
        locked {
            if let fault {
                faults[prefix ?? ""] = fault
            } else if let prefix {
                faults[prefix] = nil
            } else {
                faults.removeAll()
            }
        }
    }

    /// The fault of the longest prefix that matches the path.
    func fault(for path: String) -> MockExchangeFault? {
        locked {
            faults.filter { path.hasPrefix($0.key) }.max { $0.key.count < $1.key.count }?.value
        }
    }

    // MARK: threads and sockets

    /// Counts a thread before it is spawned, so that `waitForThreads` cannot miss it.
    func threadWillStart() { locked { runningThreads += 1 } }

    func threadDidFinish() {
        locked {
            runningThreads -= 1
            condition.broadcast()
        }
    }

    /// Adopts an accepted socket; refuses (and closes) it when the server is already stopping.
    func adopt(connection fd: Int32) -> Bool {
        locked {
            if stopped {
                close(fd)
                return false
            }
            accepted += 1
            openConnections.insert(fd)
            return true
        }
    }

    /// Closing under the lock means `stop()` can never shut down a descriptor number that was already reused.
    func closeConnection(_ fd: Int32) {
        locked {
            openConnections.remove(fd)
            close(fd)
        }
    }

    func closeListener() {
        locked {
            guard !listenerClosed else { return }
            listenerClosed = true
            close(listener)
        }
    }

    /// Wakes the blocked `accept` and every blocked `recv`; the threads then close their own descriptors.
    func beginStopping() {
        locked {
            guard !stopped else { return }
            stopped = true
            if !listenerClosed { shutdown(listener, Int32(SHUT_RDWR)) }
            for fd in openConnections { shutdown(fd, Int32(SHUT_RDWR)) }
            condition.broadcast()
        }
    }

    /// Waits until every thread has finished, or the timeout passes; true when none is left.
    func waitForThreads(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        return locked {
            while runningThreads > 0 {
                if !condition.wait(until: deadline) { break }
            }
            return runningThreads == 0
        }
    }

    /// Sleeps for a slow response; returns false early when the server stops meanwhile.
    func pause(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        return locked {
            while !stopped {
                if !condition.wait(until: deadline) { return true }
            }
            return false
        }
    }
}
