import PreflightModel

extension CircuitBreakersCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "a breaker per failure class",
                manifest: """
                    circuit_breakers:
                      auth: {failure_threshold: 1, cooldown_s: 3600}
                      rate_limit: {failure_threshold: 3, cooldown_s: 60}
                      platform: {failure_threshold: 5, cooldown_s: 120}

                    """,
                expect: .pass
            ),
            CheckExample(
                "no rate-limit breaker",
                manifest: """
                    circuit_breakers:
                      auth: {failure_threshold: 1, cooldown_s: 3600}
                      platform: {failure_threshold: 5, cooldown_s: 120}

                    """,
                expect: .fail,
                mentioning: "no circuit breaker for rate-limit failures"
            ),
            CheckExample(
                "threshold of zero",
                manifest: """
                    circuit_breakers:
                      auth: {failure_threshold: 0, cooldown_s: 3600}
                      rate_limit: {failure_threshold: 3, cooldown_s: 60}
                      platform: {failure_threshold: 5, cooldown_s: 120}

                    """,
                expect: .fail,
                mentioning: "failure_threshold is 0"
            ),
            CheckExample(
                "threshold missing",
                manifest: """
                    circuit_breakers:
                      auth: {failure_threshold: 1, cooldown_s: 3600}
                      rate_limit: {failure_threshold: 3, cooldown_s: 60}
                      platform: {cooldown_s: 120}

                    """,
                expect: .fail,
                mentioning: "has no failure_threshold"
            ),
            CheckExample(
                "cooldown of zero",
                manifest: """
                    circuit_breakers:
                      auth: {failure_threshold: 1, cooldown_s: 3600}
                      rate_limit: {failure_threshold: 3, cooldown_s: 0}
                      platform: {failure_threshold: 5, cooldown_s: 120}

                    """,
                expect: .fail,
                mentioning: "cooldown_s is 0"
            ),
            CheckExample(
                "cooldown missing",
                manifest: """
                    circuit_breakers:
                      auth: {failure_threshold: 1}
                      rate_limit: {failure_threshold: 3, cooldown_s: 60}
                      platform: {failure_threshold: 5, cooldown_s: 120}

                    """,
                expect: .fail,
                mentioning: "has no cooldown"
            ),
            CheckExample("no circuit_breakers section", manifest: """
                errors:
                  auth: halt
                """, expect: .unknown),
            CheckExample(
                "declared breakers, and the logs show them opening and closing",
                manifest: """
                    circuit_breakers:
                      auth: {failure_threshold: 1, cooldown_s: 3600}
                      rate_limit: {failure_threshold: 3, cooldown_s: 60}
                      platform: {failure_threshold: 5, cooldown_s: 120}

                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.000Z","event":"circuit_breaker","breaker":"rate_limit","state":"open"}
                    {"ts":"2026-11-24T10:01:00.000Z","event":"circuit_breaker","breaker":"rate_limit","state":"half-open"}
                    {"ts":"2026-11-24T10:01:01.000Z","event":"circuit_breaker","breaker":"rate_limit","state":"closed"}

                    """,
                expect: .pass, mentioning: "the logs show 3 breaker transitions"
            ),
            CheckExample(
                "transitions in the logs without declared breakers",
                manifest: """
                    errors:
                      auth: halt
                    """,
                logs: #"{"ts":"2026-11-24T10:00:00.000Z","event":"circuit_breaker","state":"open"}"# + "\n",
                expect: .unknown, mentioning: "a pass needs the breakers declared"
            ),
            CheckExample(
                "a missing breaker fails whatever the logs show",
                manifest: """
                    circuit_breakers:
                      auth: {failure_threshold: 1, cooldown_s: 3600}
                      platform: {failure_threshold: 5, cooldown_s: 120}

                    """,
                logs: #"{"ts":"2026-11-24T10:00:00.000Z","event":"circuit_breaker","state":"open"}"# + "\n",
                expect: .fail, mentioning: "no circuit breaker for rate-limit failures"
            ),
        ]
    }
}
