import Foundation

/// The drill's progress on stderr: which phase runs, rewritten in place on a terminal; attach-mode
/// instructions always (the bot started elsewhere needs them).
public struct DrillProgressLine: DrillProgress {
    let terminal: Bool

    public init() {
        terminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    public func attach(_ instructions: String) { write(instructions + "\n") }

    public func phase(_ name: String, faults: [String], at seconds: Double, of total: Double) {
        guard terminal else { return }
        let what = faults.isEmpty ? "no fault" : faults.joined(separator: ", ")
        write("\rdrill: \(Int(seconds.rounded()))/\(Int(total.rounded())) s, phase \(name) (\(what))\u{1B}[K")
    }

    public func finish() {
        if terminal { write("\r\u{1B}[K") }
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
