/// Where a piece of evidence came from, strongest first.
public enum SourceKind: String, Codable, Sendable, CaseIterable {
    /// Seen on the wire by the exchange stand-in while a drill provoked faults.
    case drill
    case exchange
    case host
    case logs
    case manifest
    case files

    /// Observed evidence (what the bot and its host actually did) outranks what the manifest declares.
    public var isObserved: Bool {
        switch self {
        case .drill, .exchange, .host, .logs: true
        case .manifest, .files: false
        }
    }
}
