/// The only hosts a drill touches besides its own stand-in: the bot's health and admin endpoints there.
enum Loopback {
    static func contains(_ host: String) -> Bool { ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) }
}
