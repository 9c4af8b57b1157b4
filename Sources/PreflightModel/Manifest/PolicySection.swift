/// Threshold overrides. Tightening needs nothing; loosening needs a stated reason.
public struct PolicySection: Codable, Sendable {
    public var thresholds: [Threshold: Located<Double>]
    public var reason: Located<String>?

    public init() {
        thresholds = [:]
    }
}
