import Foundation

/// Credentials the stand-in accepts, its clock skew, and the key-permission bodies it answers with.
///
/// The HMAC exchanges (Binance, Bybit, OKX) share `apiKey`/`apiSecret`; OKX also needs `passphrase`.
/// An empty `passphrase` or `coinbasePublicKeyPEM` means "not configured": every signed OKX or
/// Coinbase request is then rejected. The body fields hold raw JSON and are served verbatim.
public struct StandInConfiguration: Sendable {
    public var apiKey: String
    public var apiSecret: String
    public var passphrase: String
    public var coinbaseKeyName: String
    public var coinbasePublicKeyPEM: String
    /// Server clock = local clock + skew, for every time endpoint and every timestamp check.
    public var clockSkewMs: Int
    /// The body of Binance's `GET /sapi/v1/account/apiRestrictions`.
    public var binanceRestrictions: String
    /// The `result` object of Bybit's `GET /v5/user/query-api`.
    public var bybitKey: String
    /// The `data[0]` object of OKX's `GET /api/v5/account/config`.
    public var okxConfig: String
    /// The body of Coinbase's `GET /api/v3/brokerage/key_permissions`.
    public var coinbasePermissions: String
    /// The port on 127.0.0.1; 0 lets the kernel pick one.
    public var port = 0
    /// Seeds the market's price walk and book: the same seed gives the same prices step by step.
    public var marketSeed: UInt64 = 20_261_201
    /// What the drill account holds at start, by asset.
    public var startingBalances: [String: String] = ["USDT": "10000", "BTC": "0.5", "ETH": "5", "BNB": "20"]
    /// Request weight allowed per minute, as Binance's REQUEST_WEIGHT limit (6000 on spot).
    public var weightPerMinute = 6000
    /// How soon a repeat of a failed request must come to count as its retry (WireChains); a drill shortens
    /// it to the bot's declared breaker cooldown, after which a repeat is the breaker's probe, a new request.
    public var retryChainWindowSeconds = 10.0

    /// The default bodies describe a healthy read-only key: IP-restricted, no trading, no withdrawals,
    /// created 30 days before the server starts (relative, so a key-age check does not rot with the calendar).
    public init(
        apiKey: String,
        apiSecret: String,
        passphrase: String = "",
        coinbaseKeyName: String = "",
        coinbasePublicKeyPEM: String = "",
        clockSkewMs: Int = 0,
        binanceRestrictions: String? = nil,
        bybitKey: String? = nil,
        okxConfig: String? = nil,
        coinbasePermissions: String? = nil
    ) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.passphrase = passphrase
        self.coinbaseKeyName = coinbaseKeyName
        self.coinbasePublicKeyPEM = coinbasePublicKeyPEM
        self.clockSkewMs = clockSkewMs
        let created = Date().addingTimeInterval(-30 * 86_400)
        self.binanceRestrictions = binanceRestrictions ?? Self.defaultBinanceRestrictions(createdAt: created)
        self.bybitKey = bybitKey ?? Self.defaultBybitKey(apiKey: apiKey, createdAt: created)
        self.okxConfig = okxConfig ?? Self.defaultOKXConfig
        self.coinbasePermissions = coinbasePermissions ?? Self.defaultCoinbasePermissions
    }

    public static func defaultBinanceRestrictions(createdAt: Date) -> String {
        let createTime = Int64((createdAt.timeIntervalSince1970 * 1000).rounded())
        return #"{"ipRestrict":true,"createTime":\#(createTime),"enableInternalTransfer":false,"enableFutures":false,"enablePortfolioMarginTrading":false,"enableVanillaOptions":false,"permitsUniversalTransfer":false,"enableReading":true,"enableSpotAndMarginTrading":false,"enableWithdrawals":false,"enableMargin":false}"#
    }

    /// Bybit's real answer echoes the API key (not the secret) in `apiKey`; so does this one.
    public static func defaultBybitKey(apiKey: String, createdAt: Date) -> String {
        let created = ExchangeTimeFormat.isoSeconds(createdAt)
        let expires = ExchangeTimeFormat.isoSeconds(createdAt.addingTimeInterval(90 * 86_400))
        return #"{"id":"13770661","note":"preflight-stand-in","apiKey":"\#(apiKey)","readOnly":1,"secret":"","permissions":{"ContractTrade":[],"Spot":[],"Wallet":[],"Options":[],"Derivatives":[],"CopyTrading":[],"BlockTrade":[],"Exchange":[],"NFT":[],"Affiliate":[]},"ips":["203.0.113.10"],"type":1,"deadlineDay":60,"expiredAt":"\#(expires)","createdAt":"\#(created)","unified":0,"uta":1,"userID":24617703,"inviterID":0,"vipLevel":"No VIP","mktMakerLevel":"0","affiliateID":0,"rsaPublicKey":"","isMaster":true,"parentUid":"0","kycLevel":"LEVEL_DEFAULT","kycRegion":""}"#
    }

    public static let defaultOKXConfig =
        #"{"uid":"44705892343619584","mainUid":"44705892343619584","acctLv":"2","posMode":"net_mode","autoLoan":false,"greeksType":"PA","level":"Lv1","levelTmp":"","ctIsoMode":"automatic","mgnIsoMode":"automatic","label":"preflight-stand-in","roleType":"0","spotRoleType":"0","opAuth":"0","kycLv":"2","ip":"203.0.113.10","perm":"read_only","traderInsts":[],"spotTraderInsts":[],"enableSpotBorrow":false,"spotBorrowAutoRepay":false,"liquidationGear":"-1","type":"0","settleCcy":"USDT","settleCcyList":["USD","USDC","USDG"]}"#

    public static let defaultCoinbasePermissions =
        #"{"can_view":true,"can_trade":false,"can_transfer":false,"portfolio_uuid":"8c3f4a7e-2b1d-4e6f-9a0b-5d7c1e2f3a4b","portfolio_type":"DEFAULT"}"#
}
