import PreflightModel

/// A `server`, `pool` or `peer` line of chrony.conf or ntp.conf, with its `maxpoll` if it sets one.
struct SyncConfigLine: Sendable, Equatable {
    var directive: String
    var host: String
    /// log2 seconds, as written.
    var maxpoll: Int?
    var text: String
    /// Where the line was read: the host's own file, or its copy in a capture folder.
    var location: SourceLocation
    /// The file on the bot host, where the fix is made; the same as `location.file` when read live.
    var hostPath: String

    /// The host's path when the line was read from a capture, else nil.
    var capturedHostPath: String? { hostPath == location.file ? nil : hostPath }
}
