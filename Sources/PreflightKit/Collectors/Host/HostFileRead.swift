/// What reading one host file gave.
public enum HostFileRead: Sendable, Equatable {
    case contents(String)
    case missing
    case unreadable(String)
}
