import Foundation
import PreflightModel

/// The outcome of one audit: per-item findings, score, coverage and the gate. Reporters render this.
public struct Report: Codable, Sendable, Equatable {
    public static let schemaVersion = "1.2"

    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
        public var checklistVersion: String

        enum CodingKeys: String, CodingKey {
            case name, version, checklistVersion = "checklist_version"
        }
    }

    public struct Bot: Codable, Sendable, Equatable {
        public var name: String
        public var exchange: String
        public var manifest: String
    }

    public struct Coverage: Codable, Sendable, Equatable {
        public var evaluated: Int
        public var total: Int
        public var percent: Double
    }

    public struct Gate: Codable, Sendable, Equatable {
        public var passed: Bool
        public var failOn: GateOptions.FailLevel
        public var minScore: Double?
        public var minCoverage: Double?
        public var reasons: [String]

        enum CodingKeys: String, CodingKey {
            case passed, failOn = "fail_on", minScore = "min_score", minCoverage = "min_coverage", reasons
        }
    }

    public var schemaVersion: String
    public var tool: Tool
    public var bot: Bot
    public var generatedAt: String
    /// 0–100, or nil when nothing could be evaluated.
    public var score: Double?
    public var coverage: Coverage
    public var counts: [String: Int]
    public var gate: Gate
    public var items: [ReportItem]
    /// Suppressions that matched no finding that needed them.
    public var staleSuppressions: [SourceLocation]
    /// Baseline findings that no longer hold (empty without `--baseline`).
    public var fixedSinceBaseline: [Baseline.Entry]
    /// What was read from the log samples; nil when none were given.
    public var logSamples: LogSampleSummary?
    /// The drill's timeline; nil when no drill ran.
    public var drill: DrillSummary?
    /// What the HTML report's timelines draw; nil without a drill or log samples.
    public var timeline: ReportTimeline? = nil

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", tool, bot, generatedAt = "generated_at", score, coverage, counts, gate,
             items, staleSuppressions = "stale_suppressions", fixedSinceBaseline = "fixed_since_baseline",
             logSamples = "log_samples", drill, timeline
    }
}
