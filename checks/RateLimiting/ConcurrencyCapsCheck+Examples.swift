import PreflightModel

extension ConcurrencyCapsCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "declared caps held: the records' own in-flight counts stay within them",
                manifest: """
                    concurrency:
                      private: 2
                      public: 4
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.100Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"latency_ms":40,"concurrency_inflight":2}
                    {"ts":"2026-11-24T10:00:00.200Z","event":"api_request","endpoint":"/api/v3/depth","signed":false,"latency_ms":20,"concurrency_inflight":4}
                    """,
                expect: .pass, mentioning: "within the caps"
            ),
            CheckExample(
                "logs contradict the declared cap: 3 signed requests in flight",
                manifest: """
                    concurrency:
                      private: 2
                      public: 4
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.100Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"latency_ms":40,"concurrency_inflight":3}
                    """,
                expect: .fail, mentioning: "logs show 3 private requests in flight"
            ),
            CheckExample(
                "no in-flight field: overlapping signed requests exceed the cap",
                manifest: """
                    concurrency:
                      private: 1
                      public: 4
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.500Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"latency_ms":400}
                    {"ts":"2026-11-24T10:00:00.600Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"latency_ms":300}
                    {"ts":"2026-11-24T10:00:01.500Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"latency_ms":100}
                    """,
                expect: .fail, mentioning: "declares concurrency.private: 1; the logs show 2"
            ),
            CheckExample(
                "no caps declared, sequential requests in the logs",
                manifest: """
                    logs:
                      paths: [bot.log]
                    """,
                logs: """
                    {"ts":"2026-11-24T10:00:00.500Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"latency_ms":100}
                    {"ts":"2026-11-24T10:00:00.700Z","event":"api_request","endpoint":"/api/v3/order","signed":true,"latency_ms":100}
                    """,
                expect: .pass, mentioning: "private 1"
            ),
            CheckExample("caps at the limits", manifest: """
                concurrency:
                  private: 2
                  public: 4
                """, expect: .pass),
            CheckExample("caps below the limits", manifest: """
                concurrency:
                  private: 1
                  public: 2
                """, expect: .pass),
            CheckExample(
                "too many signed requests", manifest: """
                    concurrency:
                      private: 5
                      public: 4
                    """, expect: .fail,
                mentioning: "5 private requests"
            ),
            CheckExample(
                "too many public requests", manifest: """
                    concurrency:
                      private: 2
                      public: 10
                    """, expect: .fail,
                mentioning: "10 public requests"
            ),
            CheckExample(
                "public cap missing", manifest: """
                    concurrency:
                      private: 2
                    """, expect: .fail,
                mentioning: "declares no cap for public requests"
            ),
            CheckExample(
                "a zero cap", manifest: """
                    concurrency:
                      private: 0
                      public: 4
                    """, expect: .fail,
                mentioning: "at least 1 request"
            ),
            CheckExample("no caps declared", manifest: """
                retry:
                  max_attempts: 3
                """, expect: .unknown),
        ]
    }
}
