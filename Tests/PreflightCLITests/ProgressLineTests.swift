import Foundation
import Testing

/// The progress line needs a terminal and a read that lasts over a second: the log comes through a
/// FIFO that the test fills in two parts, 1.3 s apart, and the binary runs under `script` for a pty.
@Suite("Progress line: on a terminal only, after a second, erased when done")
struct ProgressLineTests {
    static let manifest = "fixtures/bots/ready/preflight.yml"

    @Test func aSlowReadOnATerminalShowsTheLineAndErasesIt() throws {
        let (folder, fifo) = try Self.makeFIFO()
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = ([PreflightBinary.path] + Self.arguments(fifo)).map(Self.shellQuoted).joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qfec", command, "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: PreflightBinary.root)
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm"
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try Self.feedSlowly(fifo)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("\rreading log samples: "), "\(text)")
        #expect(text.contains("(logs.fifo)\u{1B}[K"))
        // Erased before the report: the report's first line follows the erasing sequence.
        #expect(text.contains("\r\u{1B}[Kpreflight "), "\(text)")
    }

    @Test func withoutATerminalNothingIsShown() throws {
        let (folder, fifo) = try Self.makeFIFO()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A thread of its own, not a task: the run below blocks this one, and tasks may all be busy.
        let fed = DispatchSemaphore(value: 0)
        let feeder = Thread {
            try? Self.feedSlowly(fifo)
            fed.signal()
        }
        feeder.start()
        let outcome = try PreflightBinary.run(Self.arguments(fifo))
        fed.wait()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("reading log samples"))
        #expect(!outcome.stdout.contains("reading log samples"))
    }

    static func arguments(_ fifo: String) -> [String] {
        ["audit", "--offline", "--manifest", manifest, "--logs", fifo, "--only", "E4", "--now", "2026-11-25T00:00:00Z"]
    }

    static func makeFIFO() throws -> (URL, String) {
        let folder = try temporaryDirectory()
        let fifo = folder.appendingPathComponent("logs.fifo").path
        guard mkfifo(fifo, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
        return (folder, fifo)
    }

    /// Waits (up to 20 s) for the binary to open the FIFO, then writes half the log, waits 1.3 s and
    /// writes the rest.
    static func feedSlowly(_ fifo: String) throws {
        var descriptor: Int32 = -1
        let deadline = Date().addingTimeInterval(20)
        while descriptor < 0 {
            descriptor = open(fifo, O_WRONLY | O_NONBLOCK)
            if descriptor < 0 {
                guard errno == ENXIO, Date() < deadline else { throw CocoaError(.fileWriteUnknown) }
                usleep(20_000)
            }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let half = (0..<2000).map { n in
            #"{"time":"2026-11-24T10:\#(String(format: "%02d", n / 60 % 60)):\#(String(format: "%02d", n % 60))Z","event":"heartbeat"}"#
        }.joined(separator: "\n") + "\n"
        try handle.write(contentsOf: Data(half.utf8))
        usleep(1_300_000)
        try handle.write(contentsOf: Data(half.utf8))
        try handle.close()
    }

    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
