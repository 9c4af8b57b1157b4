import Foundation
import PreflightModel
import PreflightSupport

/// How to ask one exchange for its time and for the key's facts, and how to read the answers
/// (shapes from the exchanges' own documentation; see shared/reference/exchanges.md).
struct ExchangeProfile: Sendable {
    let exchange: Exchange

    var timeEndpoint: ProbeEndpoint {
        switch exchange {
        case .binance: .binanceTime
        case .binanceFutures: .binanceFuturesTime
        case .bybit: .bybitTime
        case .okx: .okxTime
        case .kraken: .krakenTime
        case .coinbase: .coinbaseTime
        }
    }

    var keyEndpoint: ProbeEndpoint? {
        switch exchange {
        case .binance, .binanceFutures: .binanceKeyRestrictions
        case .bybit: .bybitKeyInfo
        case .okx: .okxAccountConfig
        case .coinbase: .coinbaseKeyPermissions
        case .kraken: nil
        }
    }

    /// The exchange's time in ms since 1970, and the resolution of its answer.
    func serverTime(_ object: [String: Any]) throws -> (milliseconds: Double, resolution: Double) {
        switch exchange {
        case .binance, .binanceFutures:
            return (try number(object["serverTime"], "serverTime"), 1)
        case .bybit:
            try bybitSuccess(object)
            let result = object["result"] as? [String: Any] ?? [:]
            if let nanos = result["timeNano"] as? String, let value = Double(nanos) { return (value / 1e6, 1) }
            return (try number(object["time"], "time"), 1)
        case .okx:
            try okxSuccess(object)
            let first = (object["data"] as? [[String: Any]])?.first ?? [:]
            return (try number(first["ts"], "data[0].ts"), 1)
        case .kraken:
            if let errors = object["error"] as? [String], !errors.isEmpty { throw answerError("Kraken reported \(errors.joined(separator: ", "))") }
            let result = object["result"] as? [String: Any] ?? [:]
            // Whole seconds: the middle of the second is the unbiased estimate.
            return (try number(result["unixtime"], "result.unixtime") * 1000 + 500, 1000)
        case .coinbase:
            return (try number(object["epochMillis"], "epochMillis"), 1)
        }
    }

    /// Reads a key-describing answer into exchange-neutral facts.
    func keyFacts(_ object: [String: Any], endpoint: String) throws -> KeyFacts {
        switch exchange {
        case .binance, .binanceFutures: try binanceKeyFacts(object, endpoint: endpoint)
        case .bybit: try bybitKeyFacts(object, endpoint: endpoint)
        case .okx: try okxKeyFacts(object, endpoint: endpoint)
        case .coinbase: try coinbaseKeyFacts(object, endpoint: endpoint)
        case .kraken: throw answerError("Kraken has no key-describing endpoint")
        }
    }

    /// `GET /sapi/v1/account/apiRestrictions`: one enable flag per permission.
    private func binanceKeyFacts(_ object: [String: Any], endpoint: String) throws -> KeyFacts {
        func flag(_ name: String) -> Bool { object[name] as? Bool ?? false }
        guard object["enableReading"] != nil || object["ipRestrict"] != nil else {
            throw answerError("the answer holds no enableReading or ipRestrict field")
        }
        var permissions: [CredentialsSection.Permission] = []
        if flag("enableReading") { permissions.append(.read) }
        if flag("enableSpotAndMarginTrading") { permissions.append(.spotTrade) }
        if flag("enableMargin") || flag("enablePortfolioMarginTrading") { permissions.append(.marginTrade) }
        if flag("enableFutures") { permissions.append(.futuresTrade) }
        if flag("enableVanillaOptions") { permissions.append(.optionsTrade) }
        if flag("enableWithdrawals") { permissions.append(.withdraw) }
        if flag("enableInternalTransfer") { permissions.append(.internalTransfer) }
        if flag("permitsUniversalTransfer") { permissions.append(.universalTransfer) }
        let created = (try? number(object["createTime"], "createTime")).map { Date(timeIntervalSince1970: $0 / 1000) }
        return KeyFacts(endpoint: endpoint, permissions: permissions, ipRestricted: object["ipRestrict"] as? Bool, createdAt: created)
    }

    /// `GET /v5/user/query-api`: permission groups, the bound IPs and the creation time.
    private func bybitKeyFacts(_ object: [String: Any], endpoint: String) throws -> KeyFacts {
        try bybitSuccess(object)
        guard let result = object["result"] as? [String: Any] else { throw answerError("the answer holds no result") }
        let groups = result["permissions"] as? [String: [String]] ?? [:]
        var permissions: [CredentialsSection.Permission] = [.read]
        if groups["Spot"]?.contains("SpotTrade") == true { permissions.append(.spotTrade) }
        if !(groups["ContractTrade"] ?? []).isEmpty || !(groups["Derivatives"] ?? []).isEmpty { permissions.append(.futuresTrade) }
        if !(groups["Options"] ?? []).isEmpty { permissions.append(.optionsTrade) }
        let wallet = groups["Wallet"] ?? []
        if wallet.contains("Withdraw") { permissions.append(.withdraw) }
        if wallet.contains("AccountTransfer") || wallet.contains("SubMemberTransfer") { permissions.append(.internalTransfer) }
        let ips = (result["ips"] as? [String] ?? []).filter { !$0.isEmpty }
        let unbound = ips.isEmpty || ips == ["*"]
        let created = (result["createdAt"] as? String).flatMap(Timestamp.parse)
        return KeyFacts(endpoint: endpoint, permissions: permissions, ipRestricted: !unbound,
                        ipAllowlist: unbound ? nil : ips, createdAt: created)
    }

    /// `GET /api/v5/account/config`: the comma-separated perm and ip fields.
    private func okxKeyFacts(_ object: [String: Any], endpoint: String) throws -> KeyFacts {
        try okxSuccess(object)
        guard let first = (object["data"] as? [[String: Any]])?.first else { throw answerError("the answer holds no data[0]") }
        let perms = (first["perm"] as? String ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var permissions: [CredentialsSection.Permission] = []
        var notes: [String] = []
        if perms.contains("read_only") { permissions.append(.read) }
        if perms.contains("trade") {
            permissions.append(.spotTrade)
            notes.append("OKX's trade permission covers every market; it is counted here as spot_trade")
        }
        if perms.contains("withdraw") { permissions.append(.withdraw) }
        let ips = (first["ip"] as? String ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return KeyFacts(endpoint: endpoint, permissions: permissions, ipRestricted: !ips.isEmpty,
                        ipAllowlist: ips.isEmpty ? nil : ips, notes: notes)
    }

    /// `GET /api/v3/brokerage/key_permissions`: can_view, can_trade and can_transfer.
    private func coinbaseKeyFacts(_ object: [String: Any], endpoint: String) throws -> KeyFacts {
        guard object["can_view"] != nil || object["can_trade"] != nil else {
            throw answerError("the answer holds no can_view or can_trade field")
        }
        var permissions: [CredentialsSection.Permission] = []
        if object["can_view"] as? Bool == true { permissions.append(.read) }
        if object["can_trade"] as? Bool == true { permissions.append(.spotTrade) }
        if object["can_transfer"] as? Bool == true { permissions.append(.withdraw) }
        return KeyFacts(endpoint: endpoint, permissions: permissions,
                        notes: ["Coinbase does not report a key's IP allowlist or creation time"])
    }

    private func bybitSuccess(_ object: [String: Any]) throws {
        let code = (object["retCode"] as? NSNumber)?.intValue ?? 0
        guard code == 0 else { throw answerError("Bybit answered retCode \(code) \(String("\(object["retMsg"] ?? "")".prefix(120)))") }
    }

    private func okxSuccess(_ object: [String: Any]) throws {
        let code = "\(object["code"] ?? "0")"
        guard code == "0" else { throw answerError("OKX answered code \(code) \(String("\(object["msg"] ?? "")".prefix(120)))") }
    }

    /// A number that may arrive as a JSON number or as a decimal string.
    private func number(_ value: Any?, _ field: String) throws -> Double {
        if let number = value as? NSNumber, !(value is Bool) { return number.doubleValue }
        if let text = value as? String, let number = Double(text) { return number }
        throw answerError("the answer has no numeric \(field)")
    }

    private func answerError(_ text: String) -> AnswerError { AnswerError(description: text) }

    struct AnswerError: Error, CustomStringConvertible {
        var description: String
    }
}
