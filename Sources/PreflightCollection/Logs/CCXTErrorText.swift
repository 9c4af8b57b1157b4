import PreflightModel

/// What the text of a ccxt exception, as freqtrade logs it, says about the request that failed.
///
/// ccxt 4.5.90 words its errors `<id> <body>` for an exchange error code (ccxt/binance.py:12631-12652,
/// `binance {"code":-1021,...}`), `<id> <status> <reason> <body>` for binance's 418 and 429
/// (ccxt/binance.py:12598-12599), `<id> <METHOD> <url> <status> <reason> <body>` for other HTTP errors
/// (ccxt/base/exchange.py:2109-2113) and `<id> <METHOD> <url>` for timeouts and refused connections
/// (ccxt/base/exchange.py:636-661). freqtrade wraps them as `... due to <ccxt class>. Message: <text>`
/// (freqtrade/exchange/exchange.py, the `raise TemporaryError(` lines).
struct CCXTErrorText {
    var method: String?
    /// The URL's path, without its query (which holds the signature).
    var path: String?
    var status: Int?
    /// The exchange's code (`-1021`), else the ccxt class the failure was raised as (`RequestTimeout`).
    var errorCode: String?
    /// The URL carried a signature: a signed request.
    var signed: Bool

    init(_ text: Substring) {
        signed = text.contains("signature=")
        if let scheme = text.range(of: "http://") ?? text.range(of: "https://") {
            let url = text[scheme.upperBound...].prefix { $0 != " " && $0 != "\"" }
            let pathStart = url.firstIndex(of: "/") ?? url.endIndex
            path = String(url[pathStart...].prefix { $0 != "?" })
            method = text[..<scheme.lowerBound].split(separator: " ").last.map(String.init).flatMap(Self.httpMethod)
            status = Self.leadingStatus(text[url.endIndex...])
        } else if let id = text.range(of: "binance ") ?? text.range(of: "bybit ") ?? text.range(of: "okx ") {
            // `binance 429 Too Many Requests {...}`
            status = Self.leadingStatus(text[id.upperBound...])
        }
        if let code = text.range(of: #""code":"#) {
            let digits = text[code.upperBound...].drop { $0 == "\"" }.prefix { $0 == "-" || $0.isNumber }
            if !digits.isEmpty { errorCode = String(digits) }
        }
        if errorCode == nil, let cause = text.range(of: " due to ") {
            let name = text[cause.upperBound...].prefix { $0.isLetter }
            if !name.isEmpty { errorCode = String(name) }
        }
    }

    private static func httpMethod(_ word: String) -> String? {
        ["GET", "POST", "PUT", "DELETE"].contains(word) ? word : nil
    }

    /// A three-digit status at the start of `text` (after a space), as ccxt puts it after the URL or the id.
    private static func leadingStatus(_ text: Substring) -> Int? {
        let trimmed = text.drop { $0 == " " }
        let digits = trimmed.prefix { $0.isNumber }
        guard digits.count == 3, let status = Int(digits), (100...599).contains(status) else { return nil }
        let after = trimmed.dropFirst(3)
        return after.isEmpty || after.first == " " ? status : nil
    }
}
