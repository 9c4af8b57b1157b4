import Foundation

/// What the read-only probes learned from the exchange with the bot's own key.
public struct ExchangeEvidence: Codable, Sendable, Equatable {
    public var exchange: Exchange
    /// The base URL probed (an override from the manifest, or the exchange's own).
    public var baseURL: String
    public var probedAt: Date
    public var clock: ProbeResult<ClockOffsetMeasurement>
    public var key: ProbeResult<KeyFacts>

    public init(exchange: Exchange, baseURL: String, probedAt: Date, clock: ProbeResult<ClockOffsetMeasurement>, key: ProbeResult<KeyFacts>) {
        self.exchange = exchange
        self.baseURL = baseURL
        self.probedAt = probedAt
        self.clock = clock
        self.key = key
    }

    /// Where a finding cites this evidence: the endpoint probed.
    public func location(_ endpoint: String) -> SourceLocation {
        SourceLocation(file: baseURL + endpoint)
    }
}

/// The outcome of one probe: what it measured, why it broke, or why it could not be made.
public enum ProbeResult<Value: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    case measured(Value)
    /// The probe was made and failed (timeout, DNS, TLS, HTTP error, malformed body): an `error` finding.
    case failed(endpoint: String, reason: String)
    /// The probe could not be made (no credentials in the environment, no such endpoint at this exchange).
    case unavailable(reason: String)

    public var value: Value? {
        if case let .measured(value) = self { return value }
        return nil
    }
}

/// Local clock against the exchange's, from the minimum-round-trip sample.
public struct ClockOffsetMeasurement: Codable, Sendable, Equatable {
    public var endpoint: String
    /// Exchange time minus local time, in ms: positive when the local clock is behind.
    public var offsetMs: Double
    /// Round trip of the sample used.
    public var roundTripMs: Double
    /// Resolution of the exchange's clock in its answer (1 ms, or 1000 ms for Kraken).
    public var resolutionMs: Double
    public var samples: Int

    public init(endpoint: String, offsetMs: Double, roundTripMs: Double, resolutionMs: Double, samples: Int) {
        self.endpoint = endpoint
        self.offsetMs = offsetMs
        self.roundTripMs = roundTripMs
        self.resolutionMs = resolutionMs
        self.samples = samples
    }

    /// The offset's uncertainty: half the round trip plus the clock's resolution.
    public var uncertaintyMs: Double { roundTripMs / 2 + resolutionMs }
}

/// What the exchange says about the key itself.
public struct KeyFacts: Codable, Sendable, Equatable {
    public var endpoint: String
    public var permissions: [CredentialsSection.Permission]
    /// Bound to an IP allowlist; nil when the exchange does not say.
    public var ipRestricted: Bool?
    public var ipAllowlist: [String]?
    public var createdAt: Date?
    /// Exchange-specific remarks, e.g. "OKX's trade permission covers every market".
    public var notes: [String]

    public init(endpoint: String, permissions: [CredentialsSection.Permission], ipRestricted: Bool? = nil,
                ipAllowlist: [String]? = nil, createdAt: Date? = nil, notes: [String] = []) {
        self.endpoint = endpoint
        self.permissions = permissions
        self.ipRestricted = ipRestricted
        self.ipAllowlist = ipAllowlist
        self.createdAt = createdAt
        self.notes = notes
    }
}

extension ExchangeEvidence {
    /// Probe results for the catalog's examples, dated like them (2026-11-25).
    public static func example(
        _ exchange: Exchange = .binance,
        clock: ProbeResult<ClockOffsetMeasurement> = .unavailable(reason: "not probed in this example"),
        key: ProbeResult<KeyFacts> = .unavailable(reason: "not probed in this example")
    ) -> ExchangeEvidence {
        ExchangeEvidence(exchange: exchange, baseURL: "https://api.binance.com", probedAt: Date(timeIntervalSince1970: 1_795_564_800),
                         clock: clock, key: key)
    }

    /// A Binance key as its apiRestrictions endpoint would describe it.
    public static func binanceKey(
        _ permissions: [CredentialsSection.Permission], ipRestricted: Bool = true, createdDaysBefore days: Int = 30
    ) -> ExchangeEvidence {
        example(key: .measured(KeyFacts(
            endpoint: "/sapi/v1/account/apiRestrictions", permissions: permissions, ipRestricted: ipRestricted,
            createdAt: Date(timeIntervalSince1970: 1_795_564_800 - Double(days) * 86_400)
        )))
    }

    /// A server-time measurement with the given offset (ms, positive when the local clock is behind).
    public static func binanceClock(offsetMs: Double) -> ExchangeEvidence {
        example(clock: .measured(ClockOffsetMeasurement(
            endpoint: "/api/v3/time", offsetMs: offsetMs, roundTripMs: 0.6, resolutionMs: 1, samples: 5
        )))
    }
}
