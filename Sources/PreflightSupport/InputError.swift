/// Input preflight cannot use: a bad flag or check id, an unreadable or invalid bundle, baseline or suppressions
/// file, a report it cannot write. The command line prints it and exits 2; nothing is evaluated on it.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
