import Foundation
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport
import PreflightModel

/// A bot host made of the fuzzer's bytes: NUL-separated parts become the captured outputs and configs.
public struct FuzzHost: CommandRunner, HostFileSystem {
    let parts: [String]

    public init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        parts = UnsafeBufferPointer(start: data, count: size).split(separator: 0, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    func part(_ index: Int) -> String? { index < parts.count ? parts[index] : nil }

    static let commands = [
        "timedatectl show", "timedatectl show-timesync", "timedatectl timesync-status", "chronyc -c tracking",
        "chronyc -c sources", "ntpq -pn", "ntpstat", "adjtimex --print",
    ]

    public func run(_ command: Command) -> CommandResult {
        let name = ([(command.executable as NSString).lastPathComponent] + command.arguments).joined(separator: " ")
        guard let index = Self.commands.firstIndex(of: name), let output = part(index) else {
            return CommandResult(termination: .notFound)
        }
        // The first byte of each output picks its exit status, so failures are explored too.
        let status = Int32(output.utf8.first.map { $0 % 4 } ?? 0)
        return CommandResult(termination: .exited(status == 3 ? 0 : status), stdout: output)
    }

    /// Every config path reads as the same fuzzed text, so an include names itself and loops.
    public func read(_ path: String) -> HostFileRead {
        part(9).map(HostFileRead.contents) ?? .missing
    }

    public func list(_ folder: String) -> [String]? { ["a.conf", "b.sources", "chrony.conf"] }

    public func modificationTime(_ path: String) -> Date? {
        part(10).flatMap(Double.init).flatMap { $0.isFinite ? Date(timeIntervalSince1970: $0) : nil }
    }

    public func cite(_ path: String) -> String { path }

    /// The capture time, from part 8 as `date.txt` holds it.
    var observedAt: Date? {
        part(8).flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }.flatMap { (0...7.3e9).contains($0) ? Date(timeIntervalSince1970: $0) : nil }
    }

    /// Collects the host's clock evidence from the parts and judges A5 with it: the only check that reads host
    /// evidence, so the other 24 (and their text wrapping, most of the time per input) are left out.
    public func collectAndJudge() {
        let collector = HostClockCollector(
            runner: self, files: self, kernel: AdjtimexCommandKernelClock(runner: self), origin: .captured(folder: "fuzz"),
            observedAt: observedAt
        )
        let host = collector.collect()
        let evidence = Evidence(collectedAt: Date(timeIntervalSince1970: 1_795_564_800), manifest: Fuzz.manifest, host: host)
        Fuzz.report(evidence, formats: [.text, .json], auditor: Auditor(selection: Selection(only: ["A5"], skip: [])))
    }
}
