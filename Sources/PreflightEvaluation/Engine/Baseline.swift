import Foundation
import PreflightModel
import PreflightSupport

/// The findings a team has accepted as the starting point: only what is new since then fails the gate.
public struct Baseline: Codable, Sendable, Equatable {
    public static let currentVersion = 1

    public struct Entry: Codable, Sendable, Equatable {
        public var id: String
        public var status: Status
        public var summary: String
    }

    public var baselineVersion: Int
    public var bot: String
    public var recordedAt: String
    public var findings: [Entry]

    enum CodingKeys: String, CodingKey {
        case baselineVersion = "baseline_version", bot, recordedAt = "recorded_at", findings
    }

    /// Records every finding that would trip a gate (fail, error, warn), suppressed or not.
    public init(report: Report) {
        baselineVersion = Self.currentVersion
        bot = report.bot.name
        recordedAt = report.generatedAt
        findings = report.items.filter { [.fail, .error, .warn].contains($0.status) }
            .map { Entry(id: $0.id, status: $0.status, summary: $0.summary) }
    }

    /// Whether `status` on item `id` was already there (as bad or worse) when the baseline was recorded.
    func accepts(id: String, status: Status) -> Bool {
        findings.contains { $0.id == id && $0.status <= status }
    }

    public func encoded() throws -> Data {
        try JSONEncoder.stableOutput().encode(self)
    }

    public static func read(path: String) throws -> Baseline {
        try decode(BoundedFile.input(path, limit: BoundedFile.Limit.baseline, what: "the baseline"), path: path)
    }

    /// Decodes a baseline's bytes; `path` names it in errors.
    public static func decode(_ data: Data, path: String) throws -> Baseline {
        if let violation = JSONNumberBounds.firstViolation(in: data) {
            throw InputError("\(path): not a preflight baseline: \(violation.path) is \(violation.value), outside what preflight records")
        }
        let baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw InputError("\(path): not a preflight baseline: \(EvidenceBundle.describe(error))")
        }
        guard baseline.baselineVersion == currentVersion else {
            throw InputError("\(path): baseline version \(baseline.baselineVersion) is not supported (this preflight reads version \(currentVersion)); record it again with --write-baseline")
        }
        return baseline
    }
}
