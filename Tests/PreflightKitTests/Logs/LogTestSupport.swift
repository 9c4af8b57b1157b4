import Foundation
import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel

/// A scratch folder of real log files for one test, removed afterwards.
final class LogFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-logs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: (path as NSString).appendingPathComponent(name))))
    }

    /// Compresses `name` with the real gzip tool into `name.gz` (the original is kept).
    @discardableResult
    func gzip(_ name: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-k", "-f", (path as NSString).appendingPathComponent(name)]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return (path as NSString).appendingPathComponent(name + ".gz")
    }
}

struct CollectingSink: LogEventSink {
    var events: [LogEvent] = []
    mutating func consume(_ event: LogEvent) { events.append(event) }
}

/// Reads `specs` with `reader` and returns the scan with every event.
func scan(_ specs: [String], reader: LogReader = LogReader(), base: String? = nil) -> (LogScan, [LogEvent]) {
    var sink = CollectingSink()
    let scan = reader.read(LogSources.resolve(specs, relativeTo: base), into: &sink)
    return (scan, sink.events)
}

/// Reads one file holding `text` and returns the scan and its events.
func scanText(_ text: String, reader: LogReader = LogReader(), name: String = "app.log") throws -> (LogScan, [LogEvent]) {
    let folder = try LogFolder()
    let file = try folder.write(name, text)
    return scan([file], reader: reader)
}

/// 2024-03-01T12:00:00Z in nanoseconds since the epoch.
let march1Noon: Int64 = 1_709_294_400_000_000_000
