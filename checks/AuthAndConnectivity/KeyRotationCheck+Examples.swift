import PreflightModel

extension KeyRotationCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "the exchange says the key is 200 days old",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                        interval_days: 90
                    """,
                files: [.file("docs/key-rotation.md", size: 812)],
                exchange: .binanceKey([.read, .spotTrade], createdDaysBefore: 200),
                expect: .fail, mentioning: "200 days old"
            ),
            CheckExample(
                "the exchange says the key is 30 days old",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                        interval_days: 90
                    """,
                files: [.file("docs/key-rotation.md", size: 812)],
                exchange: .binanceKey([.read, .spotTrade], createdDaysBefore: 30),
                expect: .pass, mentioning: "30 days old"
            ),
            CheckExample(
                "runbook, 90-day interval, rotated 55 days before 2026-11-25",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                        interval_days: 90
                        last_rotated: 2026-10-01

                    """,
                files: [.file("docs/key-rotation.md", size: 812)],
                expect: .pass, mentioning: "every 90 days"
            ),
            CheckExample(
                "runbook and interval, key age not declared",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                        interval_days: 30
                    """,
                files: [.file("docs/key-rotation.md", size: 812)],
                expect: .pass, mentioning: "every 30 days"
            ),
            CheckExample(
                "rotated 85 days before 2026-11-25 on a 90-day interval",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                        interval_days: 90
                        last_rotated: 2026-09-01

                    """,
                files: [.file("docs/key-rotation.md", size: 812)],
                expect: .warn, mentioning: "due for rotation within 5 days"
            ),
            CheckExample(
                "rotated 200 days before 2026-11-25",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                        interval_days: 90
                        last_rotated: 2026-05-09

                    """,
                files: [.file("docs/key-rotation.md", size: 812)],
                expect: .fail, mentioning: "200 days old"
            ),
            CheckExample(
                "last rotation after 2026-11-25",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                        interval_days: 90
                        last_rotated: 2027-01-15

                    """,
                files: [.file("docs/key-rotation.md", size: 812)],
                expect: .fail, mentioning: "in the future"
            ),
            CheckExample(
                "no runbook declared",
                manifest: """
                    credentials:
                      rotation:
                        interval_days: 90
                    """,
                expect: .fail, mentioning: "no rotation runbook declared"
            ),
            CheckExample(
                "runbook file missing",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                        interval_days: 90
                    """,
                files: [.missing("docs/key-rotation.md")],
                expect: .fail, mentioning: "does not exist"
            ),
            CheckExample(
                "runbook file empty",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                        interval_days: 90
                    """,
                files: [.file("docs/key-rotation.md", size: 0)],
                expect: .fail, mentioning: "is empty"
            ),
            CheckExample(
                "runbook path is a folder",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs
                        interval_days: 90
                    """,
                files: [FileFact(path: "docs", kind: .directory)],
                expect: .fail, mentioning: "is a directory"
            ),
            CheckExample(
                "runbook unreadable",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                        interval_days: 90
                    """,
                files: [FileFact(path: "docs/key-rotation.md", kind: .unreadable, reason: "Permission denied")],
                expect: .error, mentioning: "Permission denied"
            ),
            CheckExample(
                "no interval declared",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                    """,
                files: [.file("docs/key-rotation.md", size: 812)],
                expect: .fail, mentioning: "no rotation interval declared"
            ),
            CheckExample(
                "interval of zero days",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                        interval_days: 0
                    """,
                files: [.file("docs/key-rotation.md", size: 812)],
                expect: .fail, mentioning: "at least 1 day"
            ),
            CheckExample(
                "interval longer than the policy allows",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                        interval_days: 180
                    """,
                files: [.file("docs/key-rotation.md", size: 812)],
                expect: .fail, mentioning: "180 days"
            ),
            CheckExample(
                "runbook declared but not collected",
                manifest: """
                    credentials:
                      rotation:
                        runbook: docs/key-rotation.md
                        interval_days: 90
                    """,
                expect: .unknown, mentioning: "file evidence not collected"
            ),
            CheckExample(
                "no rotation policy",
                manifest: """
                    credentials:
                      key_permissions: [read, spot_trade]
                    """,
                expect: .unknown, mentioning: "credentials.rotation"
            ),
        ]
    }
}
