public struct CredentialsSection: Codable, Sendable {
    /// Permissions an exchange key can hold, in exchange-neutral words.
    public enum Permission: String, Codable, Sendable, CaseIterable, ManifestSpelling {
        case read
        case spotTrade = "spot_trade"
        case marginTrade = "margin_trade"
        case futuresTrade = "futures_trade"
        case optionsTrade = "options_trade"
        case withdraw
        case internalTransfer = "internal_transfer"
        case universalTransfer = "universal_transfer"

        /// Moves funds out of the account or between accounts: never needed by a trading bot.
        public var movesFunds: Bool { self == .withdraw || self == .internalTransfer || self == .universalTransfer }
        public var trades: Bool { self == .spotTrade || self == .marginTrade || self == .futuresTrade || self == .optionsTrade }

        /// The trading permission a market needs.
        public static func trading(_ market: BotSection.Market) -> Permission {
            switch market {
            case .spot: .spotTrade
            case .margin: .marginTrade
            case .futures: .futuresTrade
            case .options: .optionsTrade
            }
        }
    }

    public var apiKeyEnv: Located<String>?
    public var apiSecretEnv: Located<String>?
    public var passphraseEnv: Located<String>?
    /// What the key is allowed to do, as declared (used where the exchange cannot be asked).
    public var keyPermissions: Located<[Permission]>?
    public var ipAllowlist: Located<[String]>?
    public var rotation: RotationPolicy?

    public init() {}
}

public struct RotationPolicy: Codable, Sendable {
    public var runbook: Located<String>?
    public var intervalDays: Located<Int>?
    /// Day the key in use was created or last rotated (YYYY-MM-DD).
    public var lastRotated: Located<DayStamp>?

    public init() {}
}
