/// A place the host collector asks about the clock, in order of preference.
public enum TimeSource: String, Codable, Sendable, CaseIterable {
    case timesyncd
    case chrony
    case ntpd
    case kernel

    /// How reports name the source.
    public var displayName: String {
        switch self {
        case .timesyncd: "systemd-timesyncd"
        case .chrony: "chrony"
        case .ntpd: "ntpd"
        case .kernel: "the kernel (adjtimex)"
        }
    }
}
