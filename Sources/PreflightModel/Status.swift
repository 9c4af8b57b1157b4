/// The verdict on one checklist item.
public enum Status: String, Codable, Sendable, CaseIterable, Comparable {
    case pass
    case warn
    case fail
    case unknown
    case error
    case notApplicable = "not_applicable"

    /// Only these statuses count toward the score; the others are reported as missing coverage.
    public var isEvaluated: Bool { self == .pass || self == .warn || self == .fail }

    /// Worst first: the order the text report lists findings in.
    public var urgency: Int {
        switch self {
        case .fail: 0
        case .error: 1
        case .warn: 2
        case .unknown: 3
        case .pass: 4
        case .notApplicable: 5
        }
    }

    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.urgency < rhs.urgency }
}
