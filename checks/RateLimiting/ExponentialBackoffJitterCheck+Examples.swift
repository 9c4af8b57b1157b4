import PreflightModel

extension ExponentialBackoffJitterCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "exponential with full jitter",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 1000
                        max_ms: 16000
                        jitter: full
                    """,
                expect: .pass
            ),
            CheckExample(
                "full jitter from a 500 ms base: ±250 ms on the first retry",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 500
                        max_ms: 8000
                        jitter: full
                    """,
                expect: .fail, mentioning: "only ±250 ms (a spread of 500 ms)"
            ),
            CheckExample(
                "exponential with uniform jitter of 500 ms",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 500
                        max_ms: 8000
                        jitter: uniform
                        jitter_ms: 500
                    """,
                expect: .pass
            ),
            CheckExample(
                "constant delays",
                manifest: """
                    retry:
                      backoff:
                        kind: constant
                        base_ms: 1000
                        jitter: full
                    """,
                expect: .fail, mentioning: "not exponential"
            ),
            CheckExample(
                "no jitter",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 500
                        max_ms: 8000
                        jitter: none
                    """,
                expect: .fail, mentioning: "no jitter"
            ),
            CheckExample(
                "uniform jitter without jitter_ms",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 500
                        max_ms: 8000
                        jitter: uniform
                    """,
                expect: .fail, mentioning: "declare jitter_ms"
            ),
            CheckExample(
                "uniform jitter of ±250 ms",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 500
                        max_ms: 8000
                        jitter: uniform
                        jitter_ms: 250
                    """,
                expect: .fail, mentioning: "only ±250 ms (a spread of 500 ms); the minimum is ±500 ms"
            ),
            CheckExample(
                "ceiling below the base delay",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 1000
                        max_ms: 500
                        jitter: full
                    """,
                expect: .fail, mentioning: "below the base delay"
            ),
            CheckExample("no backoff declared", manifest: """
                retry:
                  max_attempts: 3
                """, expect: .unknown),
            CheckExample(
                "logs: full jitter, one chain's second delay shorter than its first",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 1000
                        max_ms: 16000
                        jitter: full
                    """,
                logs: Self.chains([(120, 1500), (480, 400), (900, 1900), (300, 1100), (650, 2600), (50, 800)]),
                expect: .pass, mentioning: "delays grow with the attempt number"
            ),
            CheckExample(
                "logs: constant delays despite a declared exponential backoff",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 1000
                        max_ms: 16000
                        jitter: full
                    """,
                logs: Self.chains([(1000, 1000), (1000, 1000), (1000, 1000), (1000, 1000), (1000, 1000), (1000, 1000)]),
                expect: .fail, mentioning: "does not exceed the median"
            ),
            CheckExample(
                "logs: growing delays without jitter",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 1000
                        max_ms: 16000
                        jitter: full
                    """,
                logs: Self.chains([(500, 1000), (505, 1000), (500, 1010), (498, 1000), (500, 1002), (502, 1000)]),
                expect: .fail, mentioning: "spread by only about"
            ),
            CheckExample(
                "logs: full jitter, but six delays per attempt that happen to span only 700 ms",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 1000
                        max_ms: 16000
                        jitter: full
                    """,
                logs: Self.chains([(120, 400), (480, 700), (300, 900), (350, 1100), (200, 800), (420, 1050)]),
                expect: .unknown, mentioning: "too few retry delays to tell"
            ),
            CheckExample(
                "logs: forty full-jitter chains spread their delays over the window",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 1000
                        max_ms: 16000
                        jitter: full
                    """,
                logs: Self.chains(Self.fullJitterDelays(chains: 40, baseMs: 1000)),
                expect: .pass, mentioning: "delays grow with the attempt number"
            ),
            CheckExample(
                "logs: too few retry chains",
                manifest: """
                    retry:
                      backoff:
                        kind: exponential
                        base_ms: 1000
                        max_ms: 16000
                        jitter: full
                    """,
                logs: Self.chains([(120, 1500), (480, 400)]),
                expect: .unknown, mentioning: "too few retry chains"
            ),
        ]
    }

    /// Delays before attempts 2 and 3 drawn with full jitter (uniform in [0, base·2^(k-2)]) from a fixed seed.
    static func fullJitterDelays(chains: Int, baseMs: Int) -> [(Int, Int)] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func uniform(_ upper: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(upper + 1))
        }
        return (0..<chains).map { _ in (uniform(baseMs), uniform(2 * baseMs)) }
    }

    /// Six retry chains of three attempts, 503 twice then 200, with the given delays before attempts 2 and 3.
    static func chains(_ delays: [(Int, Int)]) -> String {
        delays.enumerated().map { index, pair in
            RetryExampleLog.chain("r\(index)", at: index * 20_000, statuses: [503, 503, 200], delays: [pair.0, pair.1])
        }.joined()
    }
}
