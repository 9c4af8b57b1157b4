import Foundation
import PreflightModel

// Evidence values the checks' examples (the `+Examples` files) are built from; nothing else uses them.

extension ExchangeEvidence {
    /// Probe results for the catalog's examples, dated like them (2026-11-25).
    static func example(
        _ exchange: Exchange = .binance,
        clock: ProbeResult<ClockOffsetMeasurement> = .unavailable(reason: "not probed in this example"),
        key: ProbeResult<KeyFacts> = .unavailable(reason: "not probed in this example")
    ) -> ExchangeEvidence {
        ExchangeEvidence(exchange: exchange, baseURL: "https://api.binance.com", probedAt: Date(timeIntervalSince1970: 1_795_564_800),
                         clock: clock, key: key)
    }

    /// A Binance key as its apiRestrictions endpoint would describe it.
    static func binanceKey(
        _ permissions: [CredentialsSection.Permission], ipRestricted: Bool = true, createdDaysBefore days: Int = 30
    ) -> ExchangeEvidence {
        example(key: .measured(KeyFacts(
            endpoint: "/sapi/v1/account/apiRestrictions", permissions: permissions, ipRestricted: ipRestricted,
            createdAt: Date(timeIntervalSince1970: 1_795_564_800 - Double(days) * 86_400)
        )))
    }

    /// A server-time measurement with the given offset (ms, positive when the local clock is behind).
    static func binanceClock(offsetMs: Double) -> ExchangeEvidence {
        example(clock: .measured(ClockOffsetMeasurement(
            endpoint: "/api/v3/time", offsetMs: offsetMs, roundTripMs: 0.6, resolutionMs: 1, samples: 5
        )))
    }
}

extension FileFact {
    /// A regular file of `size` bytes, as the file collector reports it.
    static func file(_ path: String, size: Int) -> FileFact { FileFact(path: path, kind: .regularFile, size: size) }

    /// Nothing at `path`; `parentExists` says whether its folder does.
    static func missing(_ path: String, parentExists: Bool = true) -> FileFact {
        FileFact(path: path, kind: .missing, parentExists: parentExists, reason: "No such file or directory")
    }
}
