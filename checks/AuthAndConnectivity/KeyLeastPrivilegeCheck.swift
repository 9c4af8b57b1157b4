import PreflightModel

/// A1: the exchange key can do what the bot needs and nothing more.
public struct KeyLeastPrivilegeCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "A1",
        name: "key-least-privilege",
        section: .authAndConnectivity,
        severity: .critical,
        summary: "The bot's API key can read and trade the markets the bot uses, and cannot withdraw or move funds.",
        rationale: """
            A leaked key is only as dangerous as its permissions. A key that can withdraw or transfer turns a leak \
            into an emptied account; a trading key on a read-only bot, or futures rights on a spot bot, is exposure \
            nobody uses. A secret written into the manifest is a leak already.
            """,
        rule: """
            fail if a secret is written inline in the manifest; fail if the key can withdraw or transfer funds \
            (withdraw, internal_transfer, universal_transfer); fail if it can trade while bot.mode is read_only; \
            warn on trading permissions for markets not in bot.markets. Uses the exchange's view of the key where \
            it can be asked, else credentials.key_permissions.
            """,
        remediation: """
            Create a key with only read and the trading permission of each market the bot trades (none for a \
            read-only bot), no withdrawal or transfer rights; declare them as credentials.key_permissions in \
            preflight.yml and name the environment variables that hold the key, never the key itself.
            """,
        evidenceSources: [.exchange, .manifest],
        references: [
            "checklist A1",
            "https://developers.binance.com/docs/wallet/account/api-key-permission",
        ],
        frameworkRemediation: [
            "freqtrade": """
                Keep secrets out of config.json: remove exchange.api_key/secret (and telegram.token, api_server.password, \
                api_server.jwt_secret_key) from the file, pass them as FREQTRADE__EXCHANGE__API_KEY, \
                FREQTRADE__EXCHANGE__SECRET, FREQTRADE__TELEGRAM__TOKEN… in the bot's environment, and rotate every \
                key that was written in the file. On the exchange, give the key reading and spot trading only.
                """,
            "hummingbot": """
                conf_client.yml holds telegram_mode.telegram_token and database or MQTT passwords in clear text: restrict \
                the file to the bot's user (chmod 600), keep it out of version control, and rotate any token the file \
                exposed. Connector keys stay encrypted in conf/connectors.
                """,
        ]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let bot = manifest.bot
        let needed = Self.neededPermissions(mode: bot.effectiveMode, markets: bot.effectiveMarkets)

        var assessment = Assessment()
        Self.failInlineSecrets(manifest.inlineSecrets, into: &assessment)

        let declared = manifest.credentials?.keyPermissions
        let exchangeNote: String
        switch evidence.exchange?.key {
        case let .measured(facts)?:
            return Self.judge(
                facts.permissions, source: .exchange(facts, evidence.exchange!), declared: declared,
                needed: needed, bot: bot, into: &assessment
            )
        case let .failed(endpoint, reason)?:
            return Self.probeFailed(endpoint: endpoint, reason: reason, evidence: evidence, assessment: assessment)
        case let .unavailable(reason)?:
            exchangeNote = "the exchange was not asked (\(reason))"
        case nil:
            exchangeNote = "the exchange was not asked (\(MissingEvidence.exchange))"
        }

        guard let declared else {
            return Self.undeclared(exchangeNote: exchangeNote, needed: needed, manifestPath: manifest.path, assessment: assessment)
        }
        assessment.note("permissions as declared in credentials.key_permissions; \(exchangeNote)")
        return Self.judge(declared.value, source: .declared(declared), declared: declared, needed: needed, bot: bot, into: &assessment)
    }

    private static func failInlineSecrets(_ locations: [SourceLocation], into assessment: inout Assessment) {
        for location in locations {
            assessment.cite(EvidenceRef(.manifest, at: location, "secret written inline (value not shown)"))
            assessment.fail(
                "a secret is written inline in \(location)",
                fix: """
                    Remove the secret at \(location) from the manifest, rotate the key (it has been exposed to \
                    everyone who can read the file), and name the environment variable in \
                    credentials.api_key_env / api_secret_env instead.
                    """
            )
        }
    }

    /// The permission probe failed: an error, unless an inline secret already fails the item.
    private static func probeFailed(endpoint: String, reason: String, evidence: Evidence, assessment: Assessment) -> Finding {
        var assessment = assessment
        let location = evidence.exchange?.location(endpoint)
        if assessment.hasFailures {
            assessment.note("key permission probe failed: \(reason)")
            return assessment.finding(pass: "")
        }
        return Finding(
            status: .error, summary: "key permission probe failed: \(reason)",
            evidence: assessment.evidence + [EvidenceRef(.exchange, at: location, "GET \(endpoint) failed")],
            remediation: """
                Make the probe succeed from the bot host: check that the exchange (or bot.base_url) is reachable, \
                that the key in \(evidence.manifest.credentials?.apiKeyEnv?.value ?? "the credentials' environment variables") \
                is valid and may read its own permissions, then run preflight again.
                """
        )
    }

    /// Neither the exchange nor the manifest tells the key's permissions.
    private static func undeclared(
        exchangeNote: String, needed: [CredentialsSection.Permission], manifestPath: String, assessment: Assessment
    ) -> Finding {
        var assessment = assessment
        let remediation = """
            Declare credentials.key_permissions: \(list(needed)) in \(manifestPath), matching the key's \
            permissions on the exchange, or let preflight ask the exchange (set the key's environment variables).
            """
        let reason = "\(exchangeNote.replacingOccurrences(of: "the exchange was not asked", with: "key permissions unknown")) and credentials.key_permissions is not declared"
        if assessment.problems.isEmpty {
            return .unknown(reason, remediation: remediation)
        }
        assessment.note("permissions not checked: \(reason)")
        return assessment.finding(pass: "")
    }

    enum PermissionSource {
        case declared(Located<[CredentialsSection.Permission]>)
        case exchange(KeyFacts, ExchangeEvidence)
    }

    /// Where the judged permissions came from, in the finding's words.
    private struct PermissionBasis {
        /// "declared" or "reported by <exchange>".
        var text: String
        /// The remediation's tail that brings credentials.key_permissions in line ("" when nothing to set).
        var setDeclared: String
    }

    static func judge(
        _ permissions: [CredentialsSection.Permission], source: PermissionSource,
        declared: Located<[CredentialsSection.Permission]>?, needed: [CredentialsSection.Permission],
        bot: BotSection, into assessment: inout Assessment
    ) -> Finding {
        let neededText = list(needed)
        let basis = citeSource(source, permissions: permissions, declared: declared, neededText: neededText, into: &assessment)
        assessment.cite(bot.mode)
        assessment.cite(bot.markets)

        let movers = permissions.filter(\.movesFunds)
        if !movers.isEmpty {
            assessment.fail(
                "the key can move funds out of the account (\(list(movers, brackets: false)); \(basis.text))",
                fix: """
                    Remove \(list(movers, brackets: false)) from the key in the exchange's API key settings (or replace \
                    the key with one holding only \(neededText))\(basis.setDeclared).
                    """
            )
        }
        judgeTrading(permissions.filter(\.trades), needed: needed, bot: bot, basis: basis, into: &assessment)

        return assessment.finding(
            pass: permissions.isEmpty
                ? "the key holds no permissions (\(basis.text))"
                : "the key holds only \(list(permissions, brackets: false)) (\(basis.text))",
            measured: "\(list(permissions)) (\(basis.text))",
            expected: "at most \(neededText); no withdraw or transfer"
        )
    }

    private static func citeSource(
        _ source: PermissionSource, permissions: [CredentialsSection.Permission],
        declared: Located<[CredentialsSection.Permission]>?, neededText: String, into assessment: inout Assessment
    ) -> PermissionBasis {
        switch source {
        case let .declared(located):
            assessment.cite(located)
            return PermissionBasis(
                text: "declared", setDeclared: ", then set credentials.key_permissions at \(located.location) to \(neededText)"
            )
        case let .exchange(facts, exchange):
            assessment.cite(EvidenceRef(.exchange, at: exchange.location(facts.endpoint), "key permissions: \(list(permissions))"))
            for note in facts.notes { assessment.note(note) }
            if let declared {
                assessment.cite(declared)
                if Set(declared.value) != Set(permissions) {
                    assessment.note("the manifest declares \(list(declared.value)) at \(declared.location); the exchange reports \(list(permissions)), and the exchange decides")
                }
            }
            return PermissionBasis(
                text: "reported by \(exchange.exchange.rawValue)",
                setDeclared: declared.map { ", and set credentials.key_permissions at \($0.location) to \(neededText)" } ?? ""
            )
        }
    }

    /// A read-only bot fails on any trading permission; a trading bot warns on one for a market it does not trade.
    private static func judgeTrading(
        _ trading: [CredentialsSection.Permission], needed: [CredentialsSection.Permission], bot: BotSection,
        basis: PermissionBasis, into assessment: inout Assessment
    ) {
        if bot.effectiveMode == .readOnly {
            if !trading.isEmpty {
                let modeAt = bot.mode.map { " at \($0.location)" } ?? ""
                assessment.fail(
                    "the bot declares itself read_only but the key can trade (\(list(trading, brackets: false)); \(basis.text))",
                    fix: """
                        Use a key with read permission only\(basis.setDeclared.replacingOccurrences(of: list(needed), with: "[read]")); \
                        if the bot does trade, set bot.mode: trading\(modeAt).
                        """
                )
            }
            return
        }
        let unused = trading.filter { !needed.contains($0) }
        if !unused.isEmpty {
            let markets = bot.effectiveMarkets.map(\.rawValue).joined(separator: ", ")
            assessment.warn(
                "the key holds \(list(unused, brackets: false)), which the bot does not use (bot.markets is [\(markets)]; \(basis.text))",
                fix: """
                    Remove \(list(unused, brackets: false)) from the key in the exchange's API key settings\(basis.setDeclared); \
                    if the bot does trade those markets, add them to bot.markets.
                    """
            )
        }
    }

    /// Read, plus the trading permission of each market a trading bot declares.
    static func neededPermissions(mode: BotSection.Mode, markets: [BotSection.Market]) -> [CredentialsSection.Permission] {
        guard mode == .trading else { return [.read] }
        var needed: [CredentialsSection.Permission] = [.read]
        for market in markets where !needed.contains(.trading(market)) { needed.append(.trading(market)) }
        return needed
    }

    static func list(_ permissions: [CredentialsSection.Permission], brackets: Bool = true) -> String {
        let text = permissions.map(\.rawValue).joined(separator: ", ")
        return brackets ? "[\(text)]" : text
    }
}
