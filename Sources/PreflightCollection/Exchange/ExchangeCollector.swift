import Foundation
import PreflightModel

/// Probes the exchange read-only with the bot's own key: server time (several samples over one kept-alive
/// connection, minimum round trip, RTT/2 corrected) and the key's permissions, concurrently, under one deadline.
/// Never throws: every failure is recorded in the evidence and becomes an `error` finding.
public struct ExchangeCollector: EvidenceCollector {
    public var transport: any HTTPTransport
    /// Where the key, secret and passphrase are read, by the names the manifest gives.
    public var environment: [String: String]
    public var samples: Int
    public var requestTimeout: Duration
    public var deadline: Duration

    public init(
        transport: any HTTPTransport, environment: [String: String], samples: Int = 5,
        requestTimeout: Duration = .seconds(3), deadline: Duration = .seconds(10)
    ) {
        self.transport = transport
        self.environment = environment
        self.samples = max(1, samples)
        self.requestTimeout = requestTimeout
        self.deadline = deadline
    }

    /// Runs on the probes' own executor, so their deadline holds however busy the cooperative pool is.
    public func collect(for manifest: Manifest) async -> ExchangeEvidence {
        await withTaskExecutorPreference(ProbeExecutor.shared) { await probe(manifest) }
    }

    private func probe(_ manifest: Manifest) async -> ExchangeEvidence {
        let exchange = manifest.bot.exchange.value
        let profile = ExchangeProfile(exchange: exchange)
        let client = ReadOnlyProbeClient(transport: transport, baseOverride: manifest.bot.baseURL?.value, timeout: requestTimeout)
        let probedAt = Date()

        enum Part: Sendable {
            case clock(ProbeResult<ClockOffsetMeasurement>)
            case key(ProbeResult<KeyFacts>)
            case deadline
        }
        var clock: ProbeResult<ClockOffsetMeasurement>?
        var key: ProbeResult<KeyFacts>?
        let credentials = readCredentials(manifest)
        let samples = samples
        let deadline = deadline
        await withTaskGroup(of: Part.self) { group in
            group.addTask { .clock(await Self.measureClock(client: client, profile: profile, samples: samples)) }
            group.addTask { .key(await Self.probeKey(client: client, profile: profile, credentials: credentials)) }
            group.addTask {
                try? await Task.sleep(for: deadline)
                return .deadline
            }
            while let part = await group.next() {
                switch part {
                case let .clock(result): clock = result
                case let .key(result): key = result
                case .deadline: group.cancelAll()
                }
                if clock != nil && key != nil { group.cancelAll() }
                if case .deadline = part { break }
            }
        }
        let late = "no answer within the global deadline of \(deadline.text)"
        return ExchangeEvidence(
            exchange: exchange,
            baseURL: client.base(for: profile.timeEndpoint),
            probedAt: probedAt,
            clock: clock ?? .failed(endpoint: profile.timeEndpoint.path, reason: late),
            key: key ?? .failed(endpoint: profile.keyEndpoint?.path ?? profile.timeEndpoint.path, reason: late)
        )
    }

    static func measureClock(client: ReadOnlyProbeClient, profile: ExchangeProfile, samples: Int) async -> ProbeResult<ClockOffsetMeasurement> {
        let endpoint = profile.timeEndpoint
        var best: ClockOffsetMeasurement?
        var taken = 0
        for _ in 0..<samples {
            if Task.isCancelled { break }
            switch await client.get(endpoint) {
            case let .failure(failure):
                // One good sample is enough; a failure after it only ends the series.
                guard var best else { return .failed(endpoint: failure.endpoint, reason: failure.reason) }
                best.samples = taken
                return .measured(best)
            case let .success(answer):
                let server: (milliseconds: Double, resolution: Double)
                do {
                    server = try profile.serverTime(answer.object)
                } catch {
                    return .failed(endpoint: endpoint.path, reason: "unexpected server-time answer: \(error)")
                }
                let roundTripMs = answer.roundTrip.seconds * 1000
                let localMidpointMs = answer.sentAt.timeIntervalSince1970 * 1000 + roundTripMs / 2
                let sample = ClockOffsetMeasurement(
                    endpoint: endpoint.path, offsetMs: server.milliseconds - localMidpointMs, roundTripMs: roundTripMs,
                    resolutionMs: server.resolution, samples: 0
                )
                taken += 1
                if best == nil || sample.roundTripMs < best!.roundTripMs { best = sample }
            }
        }
        guard var best else { return .failed(endpoint: endpoint.path, reason: "cancelled before any sample") }
        best.samples = taken
        return .measured(best)
    }

    static func probeKey(client: ReadOnlyProbeClient, profile: ExchangeProfile, credentials source: Result<ProbeCredentials, KeyUnavailable>) async -> ProbeResult<KeyFacts> {
        guard let endpoint = profile.keyEndpoint else {
            return .unavailable(reason: "Kraken has no endpoint that describes a key's permissions")
        }
        let credentials: ProbeCredentials
        switch source {
        case let .failure(missing): return .unavailable(reason: missing.reason)
        case let .success(value): credentials = value
        }
        let request: (query: String?, headers: [String: String])
        do {
            request = try signedRequest(endpoint, client: client, credentials: credentials, now: Date())
        } catch {
            return .unavailable(reason: "cannot sign with the key from the environment: the Coinbase private key is not a PEM EC key")
        }
        switch await client.get(endpoint, query: request.query, headers: request.headers) {
        case let .failure(failure):
            return .failed(endpoint: failure.endpoint, reason: failure.reason)
        case let .success(answer):
            do {
                return .measured(try profile.keyFacts(answer.object, endpoint: endpoint.path))
            } catch {
                return .failed(endpoint: endpoint.path, reason: "\(error)")
            }
        }
    }

    /// The query and headers of a signed read, exactly as each exchange documents them.
    static func signedRequest(
        _ endpoint: ProbeEndpoint, client: ReadOnlyProbeClient, credentials: ProbeCredentials, now: Date
    ) throws -> (query: String?, headers: [String: String]) {
        let millis = String(Int64((now.timeIntervalSince1970 * 1000).rounded(.down)))
        switch endpoint {
        case .binanceKeyRestrictions:
            let query = "timestamp=\(millis)&recvWindow=5000"
            let signature = RequestSigning.binance(query: query, secret: credentials.secret)
            return (query + "&signature=" + signature, ["X-MBX-APIKEY": credentials.apiKey])
        case .bybitKeyInfo:
            let signature = RequestSigning.bybit(timestamp: millis, apiKey: credentials.apiKey, recvWindow: "5000", query: "", secret: credentials.secret)
            return (nil, ["X-BAPI-API-KEY": credentials.apiKey, "X-BAPI-TIMESTAMP": millis, "X-BAPI-RECV-WINDOW": "5000", "X-BAPI-SIGN": signature])
        case .okxAccountConfig:
            let timestamp = RequestSigning.okxTimestamp(now)
            let signature = RequestSigning.okx(timestamp: timestamp, method: "GET", requestPath: endpoint.path, body: "", secret: credentials.secret)
            return (nil, [
                "OK-ACCESS-KEY": credentials.apiKey, "OK-ACCESS-SIGN": signature, "OK-ACCESS-TIMESTAMP": timestamp,
                "OK-ACCESS-PASSPHRASE": credentials.passphrase ?? "",
            ])
        case .coinbaseKeyPermissions:
            let url = client.url(for: endpoint, query: nil)
            let host = (url?.host ?? "api.coinbase.com") + (url?.port.map { ":\($0)" } ?? "")
            let jwt = try RequestSigning.coinbaseJWT(keyName: credentials.apiKey, privateKeyPEM: credentials.secret, method: "GET", host: host, path: endpoint.path, now: now)
            return (nil, ["Authorization": "Bearer \(jwt)"])
        default:
            return (nil, [:])
        }
    }

    struct KeyUnavailable: Error {
        var reason: String
    }

    /// The key and secret from the environment variables the manifest names.
    func readCredentials(_ manifest: Manifest) -> Result<ProbeCredentials, KeyUnavailable> {
        let credentials = manifest.credentials
        guard let keyName = credentials?.apiKeyEnv?.value else {
            return .failure(KeyUnavailable(reason: "credentials.api_key_env is not declared"))
        }
        guard let secretName = credentials?.apiSecretEnv?.value else {
            return .failure(KeyUnavailable(reason: "credentials.api_secret_env is not declared"))
        }
        guard let key = environment[keyName], !key.isEmpty else {
            return .failure(KeyUnavailable(reason: "\(keyName) is not set in the environment"))
        }
        guard let secret = environment[secretName], !secret.isEmpty else {
            return .failure(KeyUnavailable(reason: "\(secretName) is not set in the environment"))
        }
        var passphrase: String?
        if manifest.bot.exchange.value == .okx {
            guard let name = credentials?.passphraseEnv?.value else {
                return .failure(KeyUnavailable(reason: "credentials.passphrase_env is not declared (OKX signs with a passphrase)"))
            }
            guard let value = environment[name], !value.isEmpty else {
                return .failure(KeyUnavailable(reason: "\(name) is not set in the environment"))
            }
            passphrase = value
        }
        return .success(ProbeCredentials(apiKey: key, secret: secret, passphrase: passphrase))
    }
}

/// The bot's key material. Its description never shows it.
struct ProbeCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let apiKey: String
    let secret: String
    let passphrase: String?

    var description: String { "credentials(redacted)" }
    var debugDescription: String { description }
}
