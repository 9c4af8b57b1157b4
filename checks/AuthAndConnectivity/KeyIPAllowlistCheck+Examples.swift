import PreflightModel

extension KeyIPAllowlistCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "the exchange reports the key bound to an allowlist",
                manifest: """
                    credentials:
                      api_key_env: BINANCE_API_KEY
                    """,
                exchange: .binanceKey([.read, .spotTrade], ipRestricted: true),
                expect: .pass, mentioning: "binance reports the key bound"
            ),
            CheckExample(
                "the manifest declares an allowlist the exchange does not have",
                manifest: """
                    credentials:
                      ip_allowlist: [203.0.113.10/32]
                    """,
                exchange: .binanceKey([.read, .spotTrade], ipRestricted: false),
                expect: .fail, mentioning: "not bound to an IP allowlist"
            ),
            CheckExample(
                "one IPv4 address",
                manifest: """
                    credentials:
                      ip_allowlist: [203.0.113.10/32]
                    """,
                expect: .pass, mentioning: "203.0.113.10/32"
            ),
            CheckExample(
                "an IPv4 address and an IPv6 range",
                manifest: """
                    credentials:
                      ip_allowlist: [203.0.113.10, "2001:db8::/64"]
                    """,
                expect: .pass, mentioning: "2 allowlist entries"
            ),
            CheckExample(
                "empty allowlist",
                manifest: """
                    credentials:
                      ip_allowlist: []
                    """,
                expect: .fail, mentioning: "is empty"
            ),
            CheckExample(
                "a host name instead of an address",
                manifest: """
                    credentials:
                      ip_allowlist: [bot.example.com]
                    """,
                expect: .fail, mentioning: "not an IP address"
            ),
            CheckExample(
                "an octet out of range",
                manifest: """
                    credentials:
                      ip_allowlist: [203.0.113.300]
                    """,
                expect: .fail, mentioning: "'203.0.113.300'"
            ),
            CheckExample(
                "allows every IPv4 address",
                manifest: """
                    credentials:
                      ip_allowlist: [0.0.0.0/0]
                    """,
                expect: .fail, mentioning: "allows every address"
            ),
            CheckExample(
                "allows every IPv6 address",
                manifest: """
                    credentials:
                      ip_allowlist: [203.0.113.10/32, "::/0"]
                    """,
                expect: .fail, mentioning: "::/0 allows every address"
            ),
            CheckExample(
                "allowlist not declared",
                manifest: """
                    credentials:
                      api_key_env: BINANCE_API_KEY
                    """,
                expect: .unknown, mentioning: "ip_allowlist is not declared"
            ),
            CheckExample("no credentials section", manifest: """
                retry:
                  max_attempts: 3
                """, expect: .unknown),
        ]
    }
}
