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
