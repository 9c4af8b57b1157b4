import Crypto

enum P256TestKey {
    static func make() -> String { P256.Signing.PrivateKey().pemRepresentation }
}
