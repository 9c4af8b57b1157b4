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
        ]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        let bot = manifest.bot
        let needed = Self.neededPermissions(mode: bot.effectiveMode, markets: bot.effectiveMarkets)
        let neededText = Self.list(needed)

        var assessment = Assessment()
        for location in manifest.inlineSecrets {
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

        guard let declared = manifest.credentials?.keyPermissions else {
            let remediation = """
                Declare credentials.key_permissions: \(neededText) in \(manifest.path), matching the key's \
                permissions on the exchange.
                """
            if assessment.problems.isEmpty {
                return .unknown(
                    "\(MissingEvidence.exchange) and credentials.key_permissions is not declared",
                    remediation: remediation
                )
            }
            assessment.note("permissions not checked: \(MissingEvidence.exchange) and credentials.key_permissions is not declared")
            return assessment.finding(pass: "")
        }

        assessment.cite(declared)
        assessment.cite(bot.mode)
        assessment.cite(bot.markets)
        let permissions = declared.value

        let movers = permissions.filter(\.movesFunds)
        if !movers.isEmpty {
            assessment.fail(
                "the key can move funds out of the account (\(Self.list(movers, brackets: false)))",
                fix: """
                    Remove \(Self.list(movers, brackets: false)) from the key on the exchange (or replace the key \
                    with one holding only \(neededText)), then set credentials.key_permissions at \(declared.location) \
                    to \(neededText).
                    """
            )
        }

        let trading = permissions.filter(\.trades)
        if bot.effectiveMode == .readOnly {
            if !trading.isEmpty {
                let modeAt = bot.mode.map { " at \($0.location)" } ?? ""
                assessment.fail(
                    "the bot declares itself read_only but the key can trade (\(Self.list(trading, brackets: false)))",
                    fix: """
                        Use a key with read permission only and set credentials.key_permissions at \
                        \(declared.location) to [read]; if the bot does trade, set bot.mode: trading\(modeAt).
                        """
                )
            }
        } else {
            let unused = trading.filter { !needed.contains($0) }
            if !unused.isEmpty {
                let markets = bot.effectiveMarkets.map(\.rawValue).joined(separator: ", ")
                assessment.warn(
                    "the key holds \(Self.list(unused, brackets: false)), which the bot does not use (bot.markets is [\(markets)])",
                    fix: """
                        Remove \(Self.list(unused, brackets: false)) from the key on the exchange and set \
                        credentials.key_permissions at \(declared.location) to \(neededText); if the bot does \
                        trade those markets, add them to bot.markets.
                        """
                )
            }
        }

        assessment.note(
            "permissions as declared in credentials.key_permissions; the exchange was not asked (\(MissingEvidence.exchange))"
        )
        return assessment.finding(
            pass: permissions.isEmpty
                ? "the key holds no permissions (declared)"
                : "the key holds only \(Self.list(permissions, brackets: false)) (declared)",
            measured: "\(Self.list(permissions)) (declared)",
            expected: "at most \(neededText); no withdraw or transfer"
        )
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

    public let examples: [CheckExample] = [
        CheckExample(
            "spot bot with a read and spot-trade key",
            manifest: "credentials:\n  api_key_env: BINANCE_API_KEY\n  key_permissions: [read, spot_trade]\n",
            expect: .pass, mentioning: "read, spot_trade"
        ),
        CheckExample(
            "read-only bot with a read key",
            manifest: """
                bot:
                  name: watcher
                  exchange: bybit
                  mode: read_only
                credentials:
                  key_permissions: [read]

                """,
            expect: .pass, mentioning: "only read"
        ),
        CheckExample(
            "key can withdraw",
            manifest: "credentials:\n  key_permissions: [read, spot_trade, withdraw]\n",
            expect: .fail, mentioning: "move funds"
        ),
        CheckExample(
            "key can transfer between accounts",
            manifest: "credentials:\n  key_permissions: [read, spot_trade, universal_transfer]\n",
            expect: .fail, mentioning: "universal_transfer"
        ),
        CheckExample(
            "read-only bot with a trading key",
            manifest: """
                bot:
                  name: watcher
                  exchange: binance
                  mode: read_only
                credentials:
                  key_permissions: [read, spot_trade]

                """,
            expect: .fail, mentioning: "read_only but the key can trade"
        ),
        CheckExample(
            "spot bot whose key can also trade futures",
            manifest: """
                bot:
                  name: momentum-spot
                  exchange: binance
                  markets: [spot]
                credentials:
                  key_permissions: [read, spot_trade, futures_trade]

                """,
            expect: .warn, mentioning: "futures_trade"
        ),
        // A value that cannot be a variable name is taken for a pasted secret: the loader keeps only its place.
        CheckExample(
            "API secret pasted where its variable name belongs",
            manifest: "credentials:\n  api_secret_env: \"bm90LWEtcmVhbC1zZWNyZXQ=\"\n  key_permissions: [read, spot_trade]\n",
            expect: .fail, mentioning: "a secret is written inline"
        ),
        CheckExample(
            "permissions not declared",
            manifest: "credentials:\n  api_key_env: BINANCE_API_KEY\n",
            expect: .unknown, mentioning: "key_permissions is not declared"
        ),
        CheckExample("no credentials section", manifest: "retry:\n  max_attempts: 3\n", expect: .unknown),
    ]
}
