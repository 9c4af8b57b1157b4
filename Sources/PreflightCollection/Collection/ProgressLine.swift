import Foundation

/// A one-line progress report on stderr while log samples are read: only on a terminal, only once
/// reading has taken more than a second, at most five times a second, erased when done.
public final class ProgressLine: ProgressSink, @unchecked Sendable {
    // Mutable state behind a lock: the reader calls in from whatever task runs it.
    private let lock = NSLock()
    private let started = Date()
    private var lastShown: Date?
    private var finishedBytes = 0
    private var currentFile = ""
    private var currentBytes = 0

    /// A progress line on stderr when stderr is a terminal; nil otherwise.
    public static func forStandardError() -> ProgressLine? {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" ? ProgressLine() : nil
    }

    public func update(fileBytes: Int, file: String) {
        lock.lock()
        defer { lock.unlock() }
        if file != currentFile {
            finishedBytes += currentBytes
            currentFile = file
        }
        currentBytes = fileBytes
        let now = Date()
        guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastShown ?? .distantPast) > 0.2 else { return }
        lastShown = now
        let megabytes = Double(finishedBytes + currentBytes) / 1_048_576
        let name = (file as NSString).lastPathComponent
        write(String(format: "\rreading log samples: %.1f MB (%@)\u{1B}[K", megabytes, name))
    }

    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if lastShown != nil { write("\r\u{1B}[K") }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
