public enum Severity: String, Codable, Sendable, CaseIterable {
    case critical
    case high
    case medium

    /// Weight in the score: a critical item moves it three times as much as a medium one.
    public var weight: Int {
        switch self {
        case .critical: 3
        case .high: 2
        case .medium: 1
        }
    }
}
