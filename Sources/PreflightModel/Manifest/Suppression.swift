/// An accepted risk: the finding keeps its status but does not fail the gate until the expiry day.
public struct Suppression: Codable, Sendable, Equatable {
    public var check: Located<String>
    public var reason: Located<String>
    public var owner: Located<String>?
    public var expires: Located<DayStamp>?

    public init(check: Located<String>, reason: Located<String>) {
        self.check = check
        self.reason = reason
    }
}
