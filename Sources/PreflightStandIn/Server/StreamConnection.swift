/// One open market-stream connection: what it subscribed to and how far it has been sent.
struct StreamConnection: Sendable {
    var id: Int
    var connection: Int
    var subscription: StreamSubscription
    /// The last market step sent, per pair.
    var cursors: [String: Int64] = [:]
    /// The last user-data event sent (listen-key streams).
    var userCursor: Int
    var closeWith: Int?
    var openedNanoseconds: Int64

    var label: String { subscription.label }
}
