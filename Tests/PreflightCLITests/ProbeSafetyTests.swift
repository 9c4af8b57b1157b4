import Crypto
import Foundation
import PreflightStandIn
import Testing

/// The whole binary against the exchange stand-in: canary secrets never leak, `--offline` never connects.
@Suite("Probe safety: secrets and offline", .serialized)
struct ProbeSafetyTests {
    static let canaries = ["CANARY-KEY-81f0aa", "CANARY-SECRET-3c9b77", "CANARY-PASS-5e12dd"]

    static let coinbaseKey = P256.Signing.PrivateKey()

    static func server(_ exchange: String) throws -> StandInServer {
        try StandInServer(StandInConfiguration(
            apiKey: canaries[0], apiSecret: canaries[1], passphrase: canaries[2],
            coinbaseKeyName: canaries[0], coinbasePublicKeyPEM: coinbaseKey.publicKey.pemRepresentation
        ))
    }

    static func manifest(in folder: URL, exchange: String, base: String) throws -> String {
        let path = folder.appendingPathComponent("preflight.yml").path
        try """
            version: 1
            bot: {name: canary-bot, exchange: \(exchange), base_url: "\(base)"}
            credentials: {api_key_env: BOT_KEY, api_secret_env: BOT_SECRET, passphrase_env: BOT_PASS, key_permissions: [read]}
            clock: {recv_window_ms: 5000, logs_offset: true}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: ["binance", "bybit", "okx", "coinbase"])
    func canarySecretsAppearInNoOutput(_ exchange: String) throws {
        let server = try Self.server(exchange)
        defer { server.stop() }
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest = try Self.manifest(in: scratch, exchange: exchange, base: server.baseURL)
        // Coinbase signs with an EC private key: its PEM is the secret there, and its JWT must not leak either.
        let secret = exchange == "coinbase" ? Self.coinbaseKey.pemRepresentation : Self.canaries[1]
        let environment = ["BOT_KEY": Self.canaries[0], "BOT_SECRET": secret, "BOT_PASS": Self.canaries[2]]
        var outputs: [String] = []
        let reports = ["json", "sarif", "junit", "markdown", "text"].map { scratch.appendingPathComponent("r.\($0)").path }
        let audit = try PreflightBinary.run(
            ["audit", "--manifest", manifest, "--format", "json"]
                + zip(["json", "sarif", "junit", "markdown", "text"], reports).flatMap { ["--report", "\($0)=\($1)"] },
            environment: environment)
        outputs += [audit.stdout, audit.stderr]
        let bundle = scratch.appendingPathComponent("bundle.json").path
        let collect = try PreflightBinary.run(["collect", "--manifest", manifest, "--output", bundle], environment: environment)
        outputs += [collect.stdout, collect.stderr]
        for path in reports + [bundle] { outputs.append(try String(contentsOfFile: path, encoding: .utf8)) }
        // A wrong secret makes the exchange reject the key: the error path must not leak either.
        let rejected = try PreflightBinary.run(["audit", "--manifest", manifest], environment: environment.merging(["BOT_SECRET": "CANARY-WRONG-00"]) { $1 })
        outputs += [rejected.stdout, rejected.stderr]

        #expect(audit.stdout.contains("\"exchange\""), "the probes ran: \(audit.stderr)")
        #expect(audit.stdout.contains("reported by \(exchange)"), "the key probe succeeded")
        let signatures = server.requests.flatMap { request in
            request.query.split(separator: "&").filter { $0.hasPrefix("signature=") }.map { String($0.dropFirst("signature=".count)) }
        }
        let pemBody = secret.split(separator: "\n").dropFirst().first.map(String.init) ?? secret
        for secret in Self.canaries + ["CANARY-WRONG-00", pemBody, "eyJhbGciOiJFUzI1NiIs", "Bearer "] + signatures {
            for output in outputs { #expect(!output.contains(secret), "an output contains a secret, signature or token") }
        }
    }

    @Test func offlineMakesNoConnectionAtAll() throws {
        let server = try Self.server("binance")
        defer { server.stop() }
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let manifest = try Self.manifest(in: scratch, exchange: "binance", base: server.baseURL)
        let environment = ["BOT_KEY": Self.canaries[0], "BOT_SECRET": Self.canaries[1]]
        let offline = try PreflightBinary.run(["audit", "--offline", "--manifest", manifest, "--format", "json"], environment: environment)
        #expect(offline.stdout.contains("exchange probes not run"))
        #expect(server.acceptedConnections == 0)
        #expect(server.requests.isEmpty)
        // The control: the same audit online does connect.
        _ = try PreflightBinary.run(["audit", "--manifest", manifest, "--format", "json"], environment: environment)
        #expect(server.acceptedConnections > 0)
    }
}
