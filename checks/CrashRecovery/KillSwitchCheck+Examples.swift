import PreflightModel

extension KillSwitchCheck {
    public var examples: [CheckExample] {
        [
            CheckExample(
                "flag file in an existing folder, exercised last week",
                manifest: """
                    kill_switch:
                      kind: flag_file
                      target: run/halt.flag
                      last_exercised: 2026-11-20
                    """,
                files: [.missing("run/halt.flag")],
                expect: .pass
            ),
            CheckExample(
                "SIGUSR1 handler",
                manifest: """
                    kill_switch:
                      kind: signal
                      target: usr1
                      last_exercised: 2026-11-01
                    """,
                expect: .pass
            ),
            CheckExample(
                "chat command",
                manifest: """
                    kill_switch:
                      kind: chat_command
                      target: /halt
                      last_exercised: 2026-11-24
                    """,
                expect: .pass
            ),
            CheckExample(
                "redeploy",
                manifest: """
                    kill_switch:
                      kind: redeploy
                      last_exercised: 2026-11-20
                    """,
                expect: .fail,
                mentioning: "needs a redeploy"
            ),
            CheckExample(
                "no kind",
                manifest: """
                    kill_switch:
                      target: run/halt.flag
                      last_exercised: 2026-11-20
                    """,
                expect: .fail,
                mentioning: "kill_switch.kind missing"
            ),
            CheckExample(
                "no target",
                manifest: """
                    kill_switch:
                      kind: signal
                      last_exercised: 2026-11-20
                    """,
                expect: .fail,
                mentioning: "has no target"
            ),
            CheckExample(
                "flag file folder missing",
                manifest: """
                    kill_switch:
                      kind: flag_file
                      target: run/halt.flag
                      last_exercised: 2026-11-20
                    """,
                files: [.missing("run/halt.flag", parentExists: false)],
                expect: .fail,
                mentioning: "folder for the flag file does not exist"
            ),
            CheckExample(
                "flag file path is a directory",
                manifest: """
                    kill_switch:
                      kind: flag_file
                      target: run
                      last_exercised: 2026-11-20
                    """,
                files: [FileFact(path: "run", kind: .directory)],
                expect: .fail,
                mentioning: "is a directory"
            ),
            CheckExample(
                "flag file present: engaged",
                manifest: """
                    kill_switch:
                      kind: flag_file
                      target: run/halt.flag
                      last_exercised: 2026-11-20
                    """,
                files: [.file("run/halt.flag", size: 0)],
                expect: .warn,
                mentioning: "the kill switch is engaged"
            ),
            CheckExample(
                "flag file not collected",
                manifest: """
                    kill_switch:
                      kind: flag_file
                      target: run/halt.flag
                      last_exercised: 2026-11-20
                    """,
                expect: .unknown,
                mentioning: "file evidence not collected"
            ),
            CheckExample(
                "admin endpoint without a scheme",
                manifest: """
                    kill_switch:
                      kind: admin_endpoint
                      target: 127.0.0.1:9102/halt
                      last_exercised: 2026-11-20
                    """,
                expect: .fail,
                mentioning: "not an http(s) URL"
            ),
            CheckExample(
                "admin endpoint not probed",
                manifest: """
                    kill_switch:
                      kind: admin_endpoint
                      target: http://127.0.0.1:9102/halt
                      last_exercised: 2026-11-20
                    """,
                expect: .unknown,
                mentioning: "admin endpoint not probed"
            ),
            CheckExample(
                "SIGKILL",
                manifest: """
                    kill_switch:
                      kind: signal
                      target: SIGKILL
                      last_exercised: 2026-11-20
                    """,
                expect: .fail,
                mentioning: "cannot be handled"
            ),
            CheckExample(
                "unknown signal",
                manifest: """
                    kill_switch:
                      kind: signal
                      target: SIGPANIC
                      last_exercised: 2026-11-20
                    """,
                expect: .fail,
                mentioning: "unknown signal"
            ),
            CheckExample(
                "empty chat command",
                manifest: """
                    kill_switch:
                      kind: chat_command
                      target: ""
                      last_exercised: 2026-11-20
                    """,
                expect: .fail,
                mentioning: "chat command kill switch is empty"
            ),
            CheckExample(
                "exercise date in the future",
                manifest: """
                    kill_switch:
                      kind: signal
                      target: SIGTERM
                      last_exercised: 2026-12-31
                    """,
                expect: .fail,
                mentioning: "in the future"
            ),
            CheckExample(
                "exercised long ago",
                manifest: """
                    kill_switch:
                      kind: signal
                      target: SIGTERM
                      last_exercised: 2026-08-01
                    """,
                expect: .warn,
                mentioning: "last exercised 116 days ago"
            ),
            CheckExample(
                "never exercised",
                manifest: """
                    kill_switch:
                      kind: signal
                      target: SIGTERM
                    """,
                expect: .warn,
                mentioning: "no record that it was exercised in the last 30 days"
            ),
            CheckExample("no kill_switch section", manifest: """
                monitoring:
                  heartbeat_interval_s: 30
                """, expect: .unknown),
            CheckExample(
                "logs: exercised last week, though the manifest says August",
                manifest: """
                    kill_switch:
                      kind: signal
                      target: SIGTERM
                      last_exercised: 2026-08-01
                    """,
                logs: #"{"ts":"2026-11-18T09:30:00.000Z","event":"kill_switch","msg":"halt requested: SIGTERM"}"# + "\n",
                expect: .pass, mentioning: "last exercised 2026-11-18 (logs)"
            ),
            CheckExample(
                "logs: the last exercise is two months old, though the manifest says last week",
                manifest: """
                    kill_switch:
                      kind: signal
                      target: SIGTERM
                      last_exercised: 2026-11-20
                    """,
                logs: #"{"ts":"2026-09-20T09:30:00.000Z","event":"kill_switch"}"# + "\n",
                expect: .warn, mentioning: "the last kill_switch record in the logs is 65 days old"
            ),
            CheckExample(
                "logs without kill_switch records fall back to the declared day",
                manifest: """
                    kill_switch:
                      kind: signal
                      target: SIGTERM
                      last_exercised: 2026-08-01
                    """,
                logs: #"{"ts":"2026-11-24T09:30:00.000Z","event":"heartbeat"}"# + "\n",
                expect: .warn, mentioning: "last exercised 116 days ago"
            ),
        ]
    }
}
