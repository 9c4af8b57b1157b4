@testable import PreflightCollection
import PreflightModel
import Testing

/// The server-time endpoint as logged: a path or a whole URL, with or without a query. Read per request
/// record, so it compares bytes; these are the answers a split on `?` and `hasSuffix` gave.
@Suite("Server-time endpoint in logged requests")
struct ServerTimeEndpointTests {
    @Test(arguments: [
        ("/api/v3/time", true),
        ("https://api.binance.com/api/v3/time", true),
        ("https://api.binance.com/api/v3/time?recvWindow=5000", true),
        ("?/api/v3/time", true),
        ("/api/v3/time/", false),
        ("/api/v3/timex", false),
        ("/api/v3/time2?x=/api/v3/time", false),
        ("/API/V3/TIME", false),
        ("???", false),
        ("", false),
        // Characters, not bytes, once the text is not ASCII: a combining mark makes "?\u{301}" no question
        // mark, and a prepended sign joins the slash after it.
        ("/api/v3/time?\u{301}", false),
        ("x?\u{301}/api/v3/time", true),
        ("\u{0600}/api/v3/time", false),
        ("https://exämple.com/api/v3/time?x=ü", true),
    ])
    func binance(_ endpoint: String, _ expected: Bool) {
        #expect(ServerTimeEndpoint.matches(endpoint, exchange: .binance) == expected)
    }

    @Test func otherExchangesAndNoEndpoint() {
        #expect(ServerTimeEndpoint.matches("/v5/market/time", exchange: .bybit))
        #expect(!ServerTimeEndpoint.matches("/v5/market/time", exchange: .binance))
        #expect(ServerTimeEndpoint.matches("https://api.kraken.com/0/public/Time", exchange: .kraken))
        #expect(!ServerTimeEndpoint.matches(nil, exchange: .binance))
    }
}
