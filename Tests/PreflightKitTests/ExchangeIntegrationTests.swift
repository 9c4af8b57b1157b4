import Crypto
import Foundation
import PreflightStandIn
import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

/// The real transport (URLSession) against the exchange stand-in on 127.0.0.1, through the manifest's base_url.
@Suite("Exchange probes against the exchange stand-in", .serialized)
struct ExchangeIntegrationTests {
    static let coinbaseKey = P256.Signing.PrivateKey()

    static func server(skewMs: Int = 0) throws -> StandInServer {
        try StandInServer(StandInConfiguration(
            apiKey: "CANARY-KEY-4f1c", apiSecret: "CANARY-SECRET-9d2e", passphrase: "CANARY-PASS-77ab",
            coinbaseKeyName: "organizations/o/apiKeys/CANARY-KEYNAME", coinbasePublicKeyPEM: coinbaseKey.publicKey.pemRepresentation,
            clockSkewMs: skewMs
        ))
    }

    static let environment = [
        "KEY": "CANARY-KEY-4f1c", "SECRET": "CANARY-SECRET-9d2e", "PASS": "CANARY-PASS-77ab",
        "CB_KEY": "organizations/o/apiKeys/CANARY-KEYNAME", "CB_SECRET": coinbaseKey.pemRepresentation,
    ]

    static func manifest(_ exchange: Exchange, base: String, recvWindow: Int = 5000) throws -> Manifest {
        let names = exchange == .coinbase ? ("CB_KEY", "CB_SECRET") : ("KEY", "SECRET")
        let yaml = """
            version: 1
            bot: {name: probe-test, exchange: \(exchange.rawValue), base_url: "\(base)"}
            credentials: {api_key_env: \(names.0), api_secret_env: \(names.1), passphrase_env: PASS}
            clock: {recv_window_ms: \(recvWindow), logs_offset: true}
            """
        return try ManifestLoader.parse(yaml, path: "probe.yml")
    }

    static func collect(
        _ exchange: Exchange, from server: StandInServer, timeout: Duration = .seconds(2), samples: Int = 5
    ) async throws -> ExchangeEvidence {
        await ExchangeCollector(transport: URLSessionTransport(), environment: environment, samples: samples,
                                requestTimeout: timeout, deadline: .seconds(8))
            .collect(for: try manifest(exchange, base: server.baseURL))
    }

    @Test(arguments: [Exchange.binance, .binanceFutures, .bybit, .okx, .coinbase, .kraken])
    func eachExchangeAnswersTheProbesWithASignedRead(_ exchange: Exchange) async throws {
        let server = try Self.server()
        defer { server.stop() }
        let evidence = try await Self.collect(exchange, from: server)
        let clock = try #require(evidence.clock.value, "clock probe: \(evidence.clock)")
        // The server's clock lies within the request's round trip: the estimate is off by at most half of it.
        #expect(abs(clock.offsetMs) <= clock.roundTripMs / 2 + clock.resolutionMs / 2 + 2, "offset \(clock.offsetMs) ms, round trip \(clock.roundTripMs) ms")
        #expect(clock.samples == 5)
        if exchange == .kraken {
            guard case .unavailable = evidence.key else { Issue.record("Kraken key: \(evidence.key)"); return }
        } else {
            let key = try #require(evidence.key.value, "key probe: \(evidence.key)")
            #expect(key.permissions.contains(.read))
            #expect(!key.permissions.contains(.withdraw))
        }
        // Every request was a GET to a documented read endpoint, and every signed one was accepted.
        for request in server.requests {
            #expect(request.method == "GET")
            #expect(Set(ProbeEndpoint.allCases.map(\.path)).contains(request.path), "\(request.path)")
            #expect(request.outcome == "200", "\(request.path): \(request.outcome)")
        }
    }

    @Test func skewedServerClockFailsA6WithTheMeasuredOffset() async throws {
        let server = try Self.server(skewMs: 3000)
        defer { server.stop() }
        // More samples than the default only so that a loaded test machine still yields one quick round trip.
        let evidence = try await Self.collect(.binance, from: server, samples: 12)
        let clock = try #require(evidence.clock.value, "\(evidence.clock)")
        #expect(abs(clock.offsetMs - 3000) <= 20, "measured \(clock.offsetMs) ms against an injected 3000 ms")
        // Kept alive: the five samples and the key probe share few connections.
        #expect(server.acceptedConnections <= 2, "\(server.acceptedConnections) connections")

        let manifest = try Self.manifest(.binance, base: server.baseURL)
        let report = Auditor(selection: Selection(only: ["A6"], skip: []))
            .evaluate(Evidence(collectedAt: Date(), manifest: manifest, exchange: evidence))
        let a6 = try #require(report.items.first)
        #expect(a6.status == .fail)
        #expect(a6.summary.contains("ms behind binance's server time; the limit is 2500 ms"), "\(a6.summary)")
        #expect(a6.basis == .observed)
    }

    @Test(arguments: [
        (StandInFault.rateLimited(retryAfterSeconds: 5), "HTTP 429, Retry-After 5 s"),
        (.ipBanned, "banned this IP address (HTTP 418)"),
        (.invalidKey, "HTTP 401): code -2015"),
        (.serverError(status: 503), "server error (HTTP 503)"),
        (.slow(seconds: 1.5), "timed out after 500 ms"),
        (.htmlErrorPage(status: 502), "HTML page (HTTP 502)"),
        (.truncatedJSON, "127.0.0.1"),
        (.closeConnection, "127.0.0.1"),
    ])
    func everyFaultBecomesAnErrorFindingWithAReason(_ fault: StandInFault, _ reason: String) async throws {
        let server = try Self.server()
        defer { server.stop() }
        server.setFault(fault)
        // A short deadline only where the fault is slowness; elsewhere a loaded machine must not turn a fault into a timeout.
        let isSlow = if case .slow = fault { true } else { false }
        let evidence = try await Self.collect(.binance, from: server, timeout: isSlow ? .milliseconds(500) : .seconds(3))
        guard case let .failed(_, clockReason) = evidence.clock else { Issue.record("clock: \(evidence.clock)"); return }
        guard case let .failed(_, keyReason) = evidence.key else { Issue.record("key: \(evidence.key)"); return }
        #expect(clockReason.contains(reason), "\(clockReason)")
        #expect(keyReason.contains(reason), "\(keyReason)")

        let manifest = try Self.manifest(.binance, base: server.baseURL)
        let report = Auditor(selection: Selection(only: ["A1", "A2", "A6"], skip: []))
            .evaluate(Evidence(collectedAt: Date(), manifest: manifest, exchange: evidence))
        for item in report.items {
            #expect(item.status == .error, "\(item.id): \(item.status) \(item.summary)")
            #expect(item.summary.contains(reason), "\(item.id): \(item.summary)")
            #expect(!item.summary.contains("CANARY") && !(item.remediation ?? "").contains("CANARY"))
        }
    }

    @Test func aWrongSecretIsRejectedAsTheExchangeWouldAndNeverEchoed() async throws {
        let server = try Self.server()
        defer { server.stop() }
        var environment = Self.environment
        environment["SECRET"] = "CANARY-WRONG-SECRET"
        let evidence = await ExchangeCollector(transport: URLSessionTransport(), environment: environment, samples: 1)
            .collect(for: try Self.manifest(.binance, base: server.baseURL))
        guard case let .failed(_, reason) = evidence.key else { Issue.record("key: \(evidence.key)"); return }
        #expect(reason.contains("-1022"), "\(reason)")
        #expect(!reason.contains("CANARY"))
    }

    @Test func unreachableExchangeIsAnErrorNotACrash() async throws {
        // Nothing listens on the discard port of 127.0.0.1.
        let evidence = await ExchangeCollector(transport: URLSessionTransport(), environment: Self.environment, samples: 2,
                                               requestTimeout: .seconds(1), deadline: .seconds(3))
            .collect(for: try Self.manifest(.bybit, base: "http://127.0.0.1:9"))
        guard case let .failed(_, reason) = evidence.clock else { Issue.record("clock: \(evidence.clock)"); return }
        #expect(reason.contains("127.0.0.1:9"), "\(reason)")
    }

    @Test func theGlobalDeadlineCutsSlowProbesShort() async throws {
        let server = try Self.server()
        defer { server.stop() }
        server.setFault(.slow(seconds: 3))
        let start = ContinuousClock.now
        let evidence = await ExchangeCollector(transport: URLSessionTransport(), environment: Self.environment, samples: 5,
                                               requestTimeout: .seconds(5), deadline: .milliseconds(800))
            .collect(for: try Self.manifest(.binance, base: server.baseURL))
        #expect(ContinuousClock.now - start < .seconds(2.5))
        guard case let .failed(_, reason) = evidence.clock else { Issue.record("clock: \(evidence.clock)"); return }
        #expect(reason.contains("global deadline of 800 ms"), "\(reason)")
    }
}
