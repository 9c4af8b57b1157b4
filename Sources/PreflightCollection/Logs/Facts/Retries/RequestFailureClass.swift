import PreflightModel

/// Why a request failed, as far as retry handling is concerned.
enum RequestFailureClass: UInt8, Sendable {
    /// 429, 418 or the exchange's rate-limit code: wait, then slow down.
    case rateLimit
    /// 401/403 or a key, signature, permission or timestamp code: stop and tell a human.
    case auth
    /// 5xx, 408 or a timeout: the outcome is unknown; retry within the budget, then escalate.
    case platform
    /// Any other 4xx or a parameter/filter code: the same request fails again.
    case validation
    /// A non-success code the tables do not know.
    case other

    /// nil when the record shows success. The exchange's code outranks the HTTP status (Bybit and
    /// OKX answer 200 with an error code); Bybit's 403 is its IP rate limit, not an auth failure.
    static func classify(status: Int?, errorCode: String?, exchange: Exchange) -> RequestFailureClass? {
        if let errorCode, let known = classify(code: errorCode, exchange: exchange) { return known }
        if let status {
            switch status {
            case 429, 418: return .rateLimit
            case 403 where exchange == .bybit: return .rateLimit
            case 401, 403: return .auth
            case 408, 500...599: return .platform
            case 400...499: return .validation
            case ..<400: break
            default: return .other
            }
        }
        guard let errorCode, !isSuccessCode(errorCode) else { return nil }
        return .other
    }

    private static func isSuccessCode(_ code: String) -> Bool {
        switch code.lowercased() {
        case "0", "00000", "200", "ok", "success", "": true
        default: false
        }
    }

    private static func classify(code: String, exchange: Exchange) -> RequestFailureClass? {
        // Numbers first: most codes are numeric, and a number cannot spell a timeout.
        if let number = Int(code) {
            switch exchange {
            case .binance, .binanceFutures: return binanceClass(number)
            case .bybit: return bybitClass(number)
            case .okx: return okxClass(number)
            case .kraken, .coinbase: return nil
            }
        }
        let lowered = code.lowercased()
        if lowered.contains("timeout") || lowered.contains("timed out") || lowered.contains("timedout")
            || lowered.contains("timed_out") || lowered.contains("deadline")
        {
            return .platform
        }
        if let known = ccxtClasses[lowered] { return known }
        if exchange == .kraken || lowered.hasPrefix("e") && lowered.contains(":") {
            return krakenClass(lowered)
        }
        return nil
    }

    /// ccxt's exception classes (ccxt/base/errors.py), which framework logs name where no exchange code is
    /// given (`... due to ExchangeNotAvailable.`). ccxt's RateLimitExceeded is no DDoSProtection, but both
    /// are rate limits.
    private static let ccxtClasses: [String: RequestFailureClass] = [
        "ratelimitexceeded": .rateLimit, "ddosprotection": .rateLimit,
        "authenticationerror": .auth, "permissiondenied": .auth, "invalidnonce": .auth, "accountsuspended": .auth,
        "exchangenotavailable": .platform, "onmaintenance": .platform, "networkerror": .platform,
        "operationfailed": .platform,
        "invalidorder": .validation, "ordernotfound": .validation, "insufficientfunds": .validation,
        "badrequest": .validation, "badsymbol": .validation,
    ]

    // exchanges.md, "Error codes the log rules must know", plus each exchange's documented ranges.
    private static func binanceClass(_ code: Int) -> RequestFailureClass? {
        switch code {
        case -1003, -1015: .rateLimit
        case -1021, -1022, -2014, -2015, -1002: .auth
        case -1000, -1001, -1006, -1007, -1008: .platform
        case -1199 ... -1100, -1013, -1014, -1020, -2010, -2011, -2013, -4999 ... -4000: .validation
        default: nil
        }
    }

    private static func bybitClass(_ code: Int) -> RequestFailureClass? {
        switch code {
        case 10006, 10018: .rateLimit
        case 10002, 10003, 10004, 10005, 10007, 10010, 33004: .auth
        case 10000, 10016: .platform
        case 10001, 110_000 ... 110_999, 170_000 ... 170_999: .validation
        default: nil
        }
    }

    private static func okxClass(_ code: Int) -> RequestFailureClass? {
        switch code {
        case 50011, 50061: .rateLimit
        case 50030, 50100 ... 50199: .auth
        case 50001, 50004, 50013, 50026: .platform
        case 50014, 51000 ... 51999: .validation
        default: nil
        }
    }

    /// Kraken's text errors, matched without spaces (`EService: Throttled` and `EService:Throttled`)
    /// and by prefix (a reason may follow).
    private static func krakenClass(_ lowered: String) -> RequestFailureClass? {
        let text = lowered.filter { $0 != " " }
        func starts(_ prefix: String) -> Bool { text.hasPrefix(prefix) }
        if starts("eapi:ratelimitexceeded") || starts("eorder:ratelimitexceeded") || starts("eservice:throttled") {
            return .rateLimit
        }
        if starts("eapi:invalidkey") || starts("eapi:invalidsignature") || starts("eapi:invalidnonce")
            || starts("egeneral:permissiondenied")
        {
            return .auth
        }
        if starts("eservice:unavailable") || starts("eservice:busy") || starts("egeneral:internalerror") {
            return .platform
        }
        if starts("egeneral:invalidarguments") || starts("eorder:") || starts("equery:") { return .validation }
        return nil
    }
}
