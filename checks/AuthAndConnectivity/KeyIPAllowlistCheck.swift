import PreflightModel

/// A2: the key only works from the bot's own addresses.
public struct KeyIPAllowlistCheck: Check {
    public init() {}

    public let item = CheckItem(
        id: "A2",
        name: "key-ip-allowlist",
        section: .authAndConnectivity,
        severity: .critical,
        summary: "The bot's API key is bound to an IP allowlist holding only the bot's own egress addresses.",
        rationale: """
            Keys leak through logs, backups, CI variables and laptops. A key bound to the bot's addresses is useless \
            to whoever finds it elsewhere; an unbound key trades for anyone, from anywhere.
            """,
        rule: """
            fail unless the key is bound to an IP allowlist; fail if the allowlist is empty, holds an entry that is \
            not an IPv4/IPv6 address or CIDR range, or holds a range that allows every address (0.0.0.0/0, ::/0). \
            Uses the exchange's view of the key where it can be asked, else credentials.ip_allowlist.
            """,
        remediation: """
            Bind the key on the exchange to the bot's egress addresses (a /32 or /128 each) and declare the same \
            list as credentials.ip_allowlist in preflight.yml.
            """,
        evidenceSources: [.exchange, .manifest],
        references: ["checklist A2", "https://developers.binance.com/docs/wallet/account/api-key-permission"]
    )

    public func evaluate(_ evidence: Evidence, policy: Policy) -> Finding {
        let manifest = evidence.manifest
        var notAsked = "the exchange was not asked (\(MissingEvidence.exchange))"
        switch evidence.exchange?.key {
        case let .measured(facts)?:
            if let observed = Self.observed(facts, probe: evidence.exchange!, declared: manifest.credentials?.ipAllowlist) {
                return observed
            }
            notAsked = "\(evidence.exchange!.exchange.rawValue) does not report the key's IP binding"
        case let .failed(endpoint, reason)?:
            return Finding(
                status: .error, summary: "key probe failed: \(reason)",
                evidence: [EvidenceRef(.exchange, at: evidence.exchange?.location(endpoint), "GET \(endpoint) failed")],
                remediation: "Make the key probe succeed from the bot host (network, DNS, TLS, bot.base_url, a valid key), then run preflight again."
            )
        case let .unavailable(reason)?:
            notAsked = "the exchange was not asked (\(reason))"
        case nil:
            break
        }
        guard let allowlist = manifest.credentials?.ipAllowlist else {
            return .unknown(
                "\(notAsked) and credentials.ip_allowlist is not declared",
                remediation: """
                    Bind the key to the bot's egress addresses on the exchange and declare them as \
                    credentials.ip_allowlist: [<address>/32] in \(manifest.path).
                    """
            )
        }
        return Self.declaredFinding(allowlist, notAsked: notAsked)
    }

    /// The manifest's allowlist, judged where the exchange does not report the key's IP binding.
    static func declaredFinding(_ allowlist: Located<[String]>, notAsked: String) -> Finding {
        var assessment = Assessment()
        assessment.cite(allowlist)
        let entries = allowlist.value
        if entries.isEmpty {
            assessment.fail(
                "credentials.ip_allowlist is empty: the key is bound to no address",
                fix: """
                    Bind the key on the exchange to the bot's egress addresses and list them in \
                    credentials.ip_allowlist at \(allowlist.location), for example [203.0.113.10/32].
                    """
            )
        }
        for entry in entries { judgeDeclaredEntry(entry, at: allowlist.location, into: &assessment) }

        assessment.note("allowlist as declared in credentials.ip_allowlist; \(notAsked)")
        let listed = entries.joined(separator: ", ")
        let count = entries.count == 1 ? "1 allowlist entry" : "\(entries.count) allowlist entries"
        return assessment.finding(
            pass: "the key is bound to \(count): \(listed) (declared)",
            measured: "[\(listed)] (declared)",
            expected: "a non-empty list of addresses or CIDR ranges, none allowing every address"
        )
    }

    /// Fails an entry that is not an address or range, or one that allows every address.
    private static func judgeDeclaredEntry(_ entry: String, at location: SourceLocation, into assessment: inout Assessment) {
        guard let parsed = IPAllowlistEntry(entry) else {
            assessment.fail(
                "credentials.ip_allowlist entry '\(entry)' is not an IP address or CIDR range",
                fix: """
                    Replace '\(entry)' at \(location) with the bot's IPv4 or IPv6 address or CIDR \
                    range, for example 203.0.113.10/32.
                    """
            )
            return
        }
        if parsed.prefixLength == 0 {
            assessment.fail(
                "credentials.ip_allowlist entry \(entry) allows every address",
                fix: """
                    Replace \(entry) at \(location), and on the exchange, with the bot's own egress \
                    addresses (a /\(parsed.isIPv6 ? 128 : 32) each).
                    """
            )
        }
    }

    /// The exchange's own word on the key's IP binding; nil when it does not say.
    static func observed(_ facts: KeyFacts, probe: ExchangeEvidence, declared: Located<[String]>?) -> Finding? {
        guard let restricted = facts.ipRestricted else { return nil }
        var assessment = Assessment()
        let addresses = facts.ipAllowlist ?? []
        let detail = restricted ? "bound to \(addresses.isEmpty ? "an IP allowlist" : addresses.joined(separator: ", "))" : "not bound to any IP address"
        assessment.cite(EvidenceRef(.exchange, at: probe.location(facts.endpoint), "key \(detail)"))
        if let declared {
            assessment.cite(declared)
            if !restricted || (!addresses.isEmpty && Set(addresses) != Set(declared.value)) {
                assessment.note("the manifest declares [\(declared.value.joined(separator: ", "))] at \(declared.location); \(probe.exchange.rawValue) reports the key \(detail), and the exchange decides")
            }
        }
        if !restricted {
            assessment.fail(
                "\(probe.exchange.rawValue) reports the key is not bound to an IP allowlist",
                fix: """
                    In the exchange's API key settings, restrict the key to the bot's egress addresses (a /32 each)\
                    \(declared.map { " and keep credentials.ip_allowlist at \($0.location) in step" } ?? ", and declare them as credentials.ip_allowlist").
                    """
            )
        }
        for entry in addresses {
            if let parsed = IPAllowlistEntry(entry), parsed.prefixLength == 0 {
                assessment.fail(
                    "\(probe.exchange.rawValue) reports the key's allowlist entry \(entry), which allows every address",
                    fix: "Replace \(entry) in the exchange's API key settings with the bot's own egress addresses (a /\(parsed.isIPv6 ? 128 : 32) each)."
                )
            }
        }
        return assessment.finding(
            pass: "\(probe.exchange.rawValue) reports the key \(detail)",
            measured: detail + " (reported by \(probe.exchange.rawValue))",
            expected: "bound to the bot's own addresses"
        )
    }
}

/// An IPv4 or IPv6 address, optionally with a CIDR prefix length. Text only: no lookups, no Foundation.
struct IPAllowlistEntry: Equatable {
    var isIPv6: Bool
    /// nil for a bare address (a single host).
    var prefixLength: Int?

    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        if Self.isIPv4(parts[0]) {
            isIPv6 = false
        } else if Self.isIPv6(parts[0]) {
            isIPv6 = true
        } else {
            return nil
        }
        if parts.count == 2 {
            guard let prefix = Self.decimal(parts[1], maxDigits: 3), prefix <= (isIPv6 ? 128 : 32) else { return nil }
            prefixLength = prefix
        } else {
            prefixLength = nil
        }
    }

    /// Plain decimal digits, no sign and no leading zero (010 is octal to some parsers).
    static func decimal(_ text: Substring, maxDigits: Int) -> Int? {
        guard !text.isEmpty, text.count <= maxDigits, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard text.count == 1 || text.first != "0" else { return nil }
        return Int(text)
    }

    static func isIPv4(_ text: Substring) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { (decimal($0, maxDigits: 3) ?? 256) <= 255 }
    }

    static func isIPv6(_ text: Substring) -> Bool {
        let chars = Array(text)
        var compression: Int?
        var index = 0
        while index + 1 < chars.count {
            if chars[index] == ":" && chars[index + 1] == ":" {
                if compression != nil { return false }
                compression = index
            }
            index += 1
        }
        if let compression {
            let head = String(chars[..<compression])
            let tail = String(chars[(compression + 2)...])
            guard let headUnits = units(head, dottedLast: false),
                  let tailUnits = units(tail, dottedLast: true) else { return false }
            return headUnits + tailUnits <= 7
        }
        return units(String(chars), dottedLast: true) == 8
    }

    /// How many 16-bit groups the colon-separated text holds; a trailing dotted IPv4 counts as two.
    private static func units(_ text: String, dottedLast: Bool) -> Int? {
        if text.isEmpty { return 0 }
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        var count = 0
        for (offset, group) in groups.enumerated() {
            if dottedLast && offset == groups.count - 1 && group.contains(".") {
                guard isIPv4(group) else { return nil }
                count += 2
            } else {
                guard (1...4).contains(group.count), group.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }
                count += 1
            }
        }
        return count
    }
}
