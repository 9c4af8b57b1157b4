import Foundation

/// The parsed facts of one sync daemon.
public struct TimeSyncStatus: Codable, Sendable, Equatable {
    /// The daemon runs and is enabled to steer the clock (timesyncd: `NTP=yes`).
    public var active: Bool
    /// nil when the source does not say.
    public var synchronised: Bool?
    /// Why the daemon counts as (un)synchronised, in its own words (`leap status Not synchronised`).
    public var synchronisedBecause: String?
    public var server: String?
    public var stratum: Int?
    /// The interval the daemon polls at now (it climbs toward the ceiling).
    public var currentPollSeconds: Double?
    public var pollCeiling: PollCeiling?
    /// Why the ceiling is not known (an unreadable config), when it is not.
    public var pollCeilingUnknownBecause: String?
    /// The last successful sync, when the source gives a moment (chrony's ref time).
    public var lastSync: Date?
    /// Seconds between the last successful sync and the observation.
    public var lastSyncAgeSeconds: Double?
    /// Where the age came from (`chrony ref time`, `/run/systemd/timesync/synchronized`, `ntpq when`).
    public var lastSyncAgeSource: String?
    /// Local clock minus reference, in seconds.
    public var offsetSeconds: Double?

    public init(
        active: Bool, synchronised: Bool?, synchronisedBecause: String? = nil, server: String? = nil, stratum: Int? = nil,
        currentPollSeconds: Double? = nil, pollCeiling: PollCeiling? = nil, pollCeilingUnknownBecause: String? = nil, lastSync: Date? = nil,
        lastSyncAgeSeconds: Double? = nil, lastSyncAgeSource: String? = nil, offsetSeconds: Double? = nil
    ) {
        self.active = active
        self.synchronised = synchronised
        self.synchronisedBecause = synchronisedBecause
        self.server = server
        self.stratum = stratum
        self.currentPollSeconds = currentPollSeconds
        self.pollCeiling = pollCeiling
        self.pollCeilingUnknownBecause = pollCeilingUnknownBecause
        self.lastSync = lastSync
        self.lastSyncAgeSeconds = lastSyncAgeSeconds
        self.lastSyncAgeSource = lastSyncAgeSource
        self.offsetSeconds = offsetSeconds
    }
}
