import Foundation
import PreflightSupport

/// The versioned JSON report for dashboards. Keys are sorted, so two runs differ only in `generated_at`.
public struct JSONReporter: Sendable {
    public init() {}

    public func render(_ report: Report) throws -> String {
        try JSONOutput.encode(report)
    }
}

enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder.stableOutput()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension Report {
    /// Written by hand so that `score` is always present (null when nothing was evaluated).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(tool, forKey: .tool)
        try container.encode(bot, forKey: .bot)
        try container.encode(generatedAt, forKey: .generatedAt)
        try container.encode(score, forKey: .score)
        try container.encode(coverage, forKey: .coverage)
        try container.encode(counts, forKey: .counts)
        try container.encode(gate, forKey: .gate)
        try container.encode(items, forKey: .items)
        try container.encode(staleSuppressions, forKey: .staleSuppressions)
        try container.encode(fixedSinceBaseline, forKey: .fixedSinceBaseline)
        try container.encode(logSamples, forKey: .logSamples)
        try container.encode(drill, forKey: .drill)
    }
}
