import Foundation
import PreflightModel

/// The exchange's server-time endpoint, so that a fresh measurement of the exchange's clock shows in the
/// logs (the documented remedy after a timestamp rejection: measure, re-sign once, escalate).
enum ServerTimeEndpoint {
    static func path(for exchange: Exchange) -> String {
        switch exchange {
        case .binance: "/api/v3/time"
        case .binanceFutures: "/fapi/v1/time"
        case .bybit: "/v5/market/time"
        case .okx: "/api/v5/public/time"
        case .kraken: "/0/public/Time"
        case .coinbase: "/api/v3/brokerage/time"
        }
    }

    /// Whether a logged endpoint (a path, or a whole URL, perhaps with a query) is that endpoint.
    /// Bytes, not characters, for an ASCII endpoint: it runs on every request record. Leading `?`s are passed
    /// over, as a split on `?` would. Other text is compared by characters, where a combining mark or a
    /// prepended sign joins the byte beside it into a character of its own.
    static func matches(_ endpoint: String?, exchange: Exchange) -> Bool {
        guard var endpoint else { return false }
        var path = path(for: exchange)
        let byBytes: Bool? = endpoint.withUTF8 { bytes in
            path.withUTF8 { path in asciiMatch(bytes, path) }
        }
        if let byBytes { return byBytes }
        let bare = endpoint.split(separator: "?", maxSplits: 1).first.map(String.init) ?? endpoint
        return bare.hasSuffix(path)
    }

    /// Whether the part before the first `?` (leading ones passed over) ends with `path`; nil when the
    /// endpoint is not ASCII.
    private static func asciiMatch(_ bytes: UnsafeBufferPointer<UInt8>, _ path: UnsafeBufferPointer<UInt8>) -> Bool? {
        let question = UInt8(ascii: "?")
        var start = 0
        var end: Int?
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if byte == question, end == nil {
                if index == start { start += 1 } else { end = index }
            }
        }
        let stop = end ?? bytes.count
        guard stop - start >= path.count else { return false }
        return memcmp(bytes.baseAddress! + (stop - path.count), path.baseAddress!, path.count) == 0
    }
}
