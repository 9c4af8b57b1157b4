import Foundation
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

/// Records what the probe layer asks for and answers from a table; used only for the pure parts
/// (signing, parsing, the read-only guarantee). The integration tests use the exchange stand-in.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [(url: URL, headers: [String: String])] = []
    let answer: @Sendable (URL) -> HTTPResponse

    init(answer: @escaping @Sendable (URL) -> HTTPResponse) {
        self.answer = answer
    }

    var requests: [(url: URL, headers: [String: String])] { lock.withLock { recorded } }

    func get(_ url: URL, headers: [String: String], timeout: Duration) async throws -> HTTPResponse {
        lock.withLock { recorded.append((url, headers)) }
        return answer(url)
    }
}

private func manifest(_ exchange: String, base: String? = nil) throws -> Manifest {
    var yaml = "version: 1\nbot:\n  name: t\n  exchange: \(exchange)\n"
    if let base { yaml += "  base_url: \(base)\n" }
    yaml += "credentials:\n  api_key_env: K\n  api_secret_env: S\n  passphrase_env: P\n"
    return try ManifestLoader.parse(yaml, path: "bot.yml")
}

private func json(_ text: String, status: Int = 200, type: String = "application/json") -> HTTPResponse {
    HTTPResponse(status: status, headers: ["content-type": type], body: Data(text.utf8))
}

@Suite("Exchange probes: signing, parsing, read-only")
struct ExchangeProbeUnitTests {
    @Test func binanceSignatureMatchesTheDocumentedVector() {
        let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
        let payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        #expect(RequestSigning.binance(query: payload, secret: secret) == "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")
    }

    @Test func everyProbeIsAGetToADocumentedReadEndpoint() {
        let documented: Set<String> = [
            "/api/v3/time", "/fapi/v1/time", "/sapi/v1/account/apiRestrictions", "/v5/market/time", "/v5/user/query-api",
            "/api/v5/public/time", "/api/v5/account/config", "/0/public/Time", "/api/v3/brokerage/time",
            "/api/v3/brokerage/key_permissions",
        ]
        #expect(Set(ProbeEndpoint.allCases.map(\.path)) == documented)
        #expect(ProbeEndpoint.allCases.allSatisfy { $0.method == "GET" })
        for endpoint in ProbeEndpoint.allCases {
            for word in ["order", "cancel", "withdraw", "transfer"] {
                #expect(!endpoint.path.lowercased().contains(word), "\(endpoint.path) looks like a write")
            }
        }
    }

    @Test(arguments: Exchange.allCases)
    func aWholeCollectionTouchesOnlyTheListedPaths(_ exchange: Exchange) async throws {
        let transport = RecordingTransport { _ in json("{}") }
        let collector = ExchangeCollector(transport: transport, environment: ["K": "key", "S": Self.secretFor(exchange), "P": "pass"], samples: 3)
        _ = await collector.collect(for: try manifest(exchange.rawValue, base: "http://127.0.0.1:9"))
        let allowed = Set(ProbeEndpoint.allCases.map(\.path))
        #expect(!transport.requests.isEmpty)
        for request in transport.requests {
            #expect(allowed.contains(request.url.path), "unexpected request to \(request.url.path)")
            #expect(request.url.host == "127.0.0.1", "bot.base_url must replace the exchange's host")
        }
    }

    /// Coinbase signs with an EC private key; the others with an HMAC secret.
    static func secretFor(_ exchange: Exchange) -> String {
        exchange == .coinbase ? CoinbaseTestKey.pem : "secret"
    }

    @Test func missingCredentialsMakeTheKeyProbeUnavailableNotFailed() async throws {
        let transport = RecordingTransport { _ in json(#"{"serverTime": 1}"#) }
        let evidence = await ExchangeCollector(transport: transport, environment: [:], samples: 1).collect(for: try manifest("binance"))
        #expect(evidence.key == .unavailable(reason: "K is not set in the environment"))
        #expect(transport.requests.map(\.url.path) == ["/api/v3/time"])
    }

    @Test func krakenHasNoKeyProbe() async throws {
        let transport = RecordingTransport { _ in json(#"{"error":[],"result":{"unixtime":1688669448,"rfc1123":"x"}}"#) }
        let evidence = await ExchangeCollector(transport: transport, environment: ["K": "k", "S": "s"], samples: 2).collect(for: try manifest("kraken"))
        guard case .unavailable = evidence.key else { Issue.record("expected unavailable, got \(evidence.key)"); return }
        #expect(evidence.clock.value?.resolutionMs == 1000)
    }

    @Test(arguments: [
        (json("<html><body>502 Bad Gateway</body></html>", status: 502, type: "text/html"), "with an HTML page (HTTP 502)"),
        (HTTPResponse(status: 429, headers: ["retry-after": "7"], body: Data(#"{"code":-1003,"msg":"Too many requests"}"#.utf8)), "rate limited by api.binance.com (HTTP 429, Retry-After 7 s): code -1003"),
        (json(#"{"code":-1003}"#, status: 418), "banned this IP address (HTTP 418)"),
        (json(#"{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action."}"#, status: 401), "rejected /x (HTTP 401): code -2015 Invalid API-key"),
        (json("{}", status: 503), "server error (HTTP 503)"),
    ])
    func httpProblemsAreWorded(_ response: HTTPResponse, _ expected: String) {
        let problem = ReadOnlyProbeClient.problem(with: response, host: "api.binance.com", path: "/x")
        #expect(problem?.contains(expected) == true, "\(problem ?? "nil")")
    }

    @Test func documentedAnswersParse() throws {
        let binance = try ExchangeProfile(exchange: .binance).keyFacts(JSONSerialization.jsonObject(with: Data(
            #"{"ipRestrict":false,"createTime":1698645219000,"enableInternalTransfer":false,"enableFutures":false,"enablePortfolioMarginTrading":true,"enableVanillaOptions":false,"permitsUniversalTransfer":false,"enableReading":true,"enableSpotAndMarginTrading":false,"enableWithdrawals":false,"enableMargin":false}"#.utf8)) as! [String: Any], endpoint: "/e")
        #expect(binance.permissions == [.read, .marginTrade])
        #expect(binance.ipRestricted == false)
        #expect(binance.createdAt == Date(timeIntervalSince1970: 1_698_645_219))

        let bybit = try ExchangeProfile(exchange: .bybit).keyFacts(JSONSerialization.jsonObject(with: Data(
            #"{"retCode":0,"retMsg":"","result":{"readOnly":0,"permissions":{"ContractTrade":["Order","Position"],"Spot":["SpotTrade"],"Wallet":["AccountTransfer","SubMemberTransfer"],"Options":[],"Derivatives":["DerivativesTrade"]},"ips":["*"],"createdAt":"2023-07-06T10:30:05Z"}}"#.utf8)) as! [String: Any], endpoint: "/e")
        #expect(bybit.permissions == [.read, .spotTrade, .futuresTrade, .internalTransfer])
        #expect(bybit.ipRestricted == false)

        let okx = try ExchangeProfile(exchange: .okx).keyFacts(JSONSerialization.jsonObject(with: Data(
            #"{"code":"0","msg":"","data":[{"perm":"read_only,withdraw,trade","ip":"203.0.113.10,203.0.113.11"}]}"#.utf8)) as! [String: Any], endpoint: "/e")
        #expect(okx.permissions == [.read, .spotTrade, .withdraw])
        #expect(okx.ipAllowlist == ["203.0.113.10", "203.0.113.11"])

        let time = try ExchangeProfile(exchange: .bybit).serverTime(JSONSerialization.jsonObject(with: Data(
            #"{"retCode":0,"retMsg":"OK","result":{"timeSecond":"1688639403","timeNano":"1688639403423213947"},"retExtInfo":{},"time":1688639403423}"#.utf8)) as! [String: Any])
        #expect(abs(time.milliseconds - 1_688_639_403_423.2) < 0.1)
        #expect(throws: (any Error).self) {
            try ExchangeProfile(exchange: .okx).serverTime(JSONSerialization.jsonObject(with: Data(#"{"code":"50011","msg":"Too Many Requests"}"#.utf8)) as! [String: Any])
        }
    }

    @Test func credentialsNeverDescribeThemselves() {
        let credentials = ProbeCredentials(apiKey: "CANARY-KEY", secret: "CANARY-SECRET", passphrase: "CANARY-PASS")
        #expect(!"\(credentials)".contains("CANARY"))
        #expect(!String(reflecting: credentials).contains("CANARY"))
    }
}

enum CoinbaseTestKey {
    /// A throwaway P-256 key made for these tests.
    static let pem: String = {
        P256TestKey.make()
    }()
}
