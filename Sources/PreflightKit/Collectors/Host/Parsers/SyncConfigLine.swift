import PreflightModel

/// A `server`, `pool` or `peer` line of chrony.conf or ntp.conf, with its `maxpoll` if it sets one.
struct SyncConfigLine: Sendable, Equatable {
    var directive: String
    var host: String
    /// log2 seconds, as written.
    var maxpoll: Int?
    var text: String
    var location: SourceLocation
}
