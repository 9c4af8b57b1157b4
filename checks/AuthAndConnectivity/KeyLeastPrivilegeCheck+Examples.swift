import PreflightModel

extension KeyLeastPrivilegeCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "the exchange reports a read and spot-trade key",
                manifest: """
                    credentials:
                      api_key_env: BINANCE_API_KEY
                    """,
                exchange: .binanceKey([.read, .spotTrade]),
                expect: .pass, mentioning: "reported by binance"
            ),
            CheckExample(
                "the manifest says read-only, the exchange says the key can withdraw: the exchange decides",
                manifest: """
                    credentials:
                      key_permissions: [read, spot_trade]
                    """,
                exchange: .binanceKey([.read, .spotTrade, .withdraw]),
                expect: .fail, mentioning: "withdraw; reported by binance"
            ),
            CheckExample(
                "the permission probe broke",
                manifest: """
                    credentials:
                      key_permissions: [read, spot_trade]
                    """,
                exchange: .example(key: .failed(endpoint: "/sapi/v1/account/apiRestrictions", reason: "timed out after 3 s connecting to api.binance.com")),
                expect: .error, mentioning: "timed out"
            ),
            CheckExample(
                "spot bot with a read and spot-trade key",
                manifest: """
                    credentials:
                      api_key_env: BINANCE_API_KEY
                      key_permissions: [read, spot_trade]
                    """,
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
                manifest: """
                    credentials:
                      key_permissions: [read, spot_trade, withdraw]
                    """,
                expect: .fail, mentioning: "move funds"
            ),
            CheckExample(
                "key can transfer between accounts",
                manifest: """
                    credentials:
                      key_permissions: [read, spot_trade, universal_transfer]
                    """,
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
                manifest: """
                    credentials:
                      api_secret_env: "bm90LWEtcmVhbC1zZWNyZXQ="
                      key_permissions: [read, spot_trade]
                    """,
                expect: .fail, mentioning: "a secret is written inline"
            ),
            CheckExample(
                "permissions not declared",
                manifest: """
                    credentials:
                      api_key_env: BINANCE_API_KEY
                    """,
                expect: .unknown, mentioning: "key_permissions is not declared"
            ),
            CheckExample("no credentials section", manifest: """
                retry:
                  max_attempts: 3
                """, expect: .unknown),
        ]
    }
}
