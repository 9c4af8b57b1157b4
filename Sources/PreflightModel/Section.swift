public enum Section: String, Codable, Sendable, CaseIterable {
    case authAndConnectivity = "A"
    case rateLimiting = "B"
    case errorHandling = "C"
    case crashRecovery = "D"
    case observability = "E"

    public var title: String {
        switch self {
        case .authAndConnectivity: "Auth and connectivity"
        case .rateLimiting: "Rate limiting and backpressure"
        case .errorHandling: "Error handling"
        case .crashRecovery: "Crash recovery and state"
        case .observability: "Observability"
        }
    }
}
