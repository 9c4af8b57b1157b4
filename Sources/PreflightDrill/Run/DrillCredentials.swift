/// The key and secret a drill generates: local, throwaway, what the stand-in verifies signatures with.
/// They replace the bot's own credential variables in its environment, so its real keys never reach it.
public struct DrillCredentials: Sendable {
    public var apiKey: String
    public var apiSecret: String
    public var passphrase: String

    public static func generate() -> DrillCredentials {
        var generator = SystemRandomNumberGenerator()
        func token(_ count: Int) -> String {
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
            return String((0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        }
        return DrillCredentials(apiKey: "drill" + token(59), apiSecret: token(64), passphrase: "drill-" + token(10))
    }
}
