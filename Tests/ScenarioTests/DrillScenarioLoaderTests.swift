import PreflightModel
import PreflightScenario
import Testing

@Suite("Drill scenarios")
struct DrillScenarioLoaderTests {
    @Test(arguments: BuiltInScenarios.names)
    func everyBuiltInScenarioLoadsInTimeOrder(name: String) throws {
        let scenario = try #require(try BuiltInScenarios.scenario(named: name))
        #expect(scenario.name == name)
        #expect(zip(scenario.phases, scenario.phases.dropFirst()).allSatisfy { $0.atSeconds + $0.windowSeconds <= $1.atSeconds })
        #expect(scenario.phases.allSatisfy { $0.windowSeconds > 0 })
    }

    @Test func quickLastsAboutAMinuteAndStandardArmsEveryFault() throws {
        let quick = try #require(try BuiltInScenarios.scenario(named: "quick"))
        #expect((60...90).contains(quick.duration))
        let standard = try #require(try BuiltInScenarios.scenario(named: "standard"))
        let armed = Set(standard.phases.flatMap { $0.faults.map(\.name) })
        #expect(armed == ["rate_limit", "ban", "clock_skew", "auth_revoked", "platform_error", "lost_response", "validation",
                          "ws_disconnect", "sequence_gap", "stale_stream", "slow", "maintenance", "crash", "kill_switch", "health"])
        #expect(standard.phases.contains { $0.faults == [.crash(trigger: .lostResponse)] }, "standard crashes the bot in the middle of a lost response")
        #expect(standard.duration <= 300)
        #expect(try BuiltInScenarios.scenario(named: "no-such-scenario") == nil)
    }

    @Test func aCrashWaitsForAnOpenOrderOrALostResponseAndNothingElse() throws {
        let scenario = try DrillScenarioLoader.parse("""
            version: 1
            phases:
              - {name: a, at: 0s, window: 10s, fault: crash}
              - {name: b, at: 10s, window: 10s, fault: crash, on: lost_response}
            """, path: "s.yml")
        #expect(scenario.phases.map(\.faults) == [[.crash(trigger: .openOrder)], [.crash(trigger: .lostResponse)]])
        #expect(throws: ScenarioError.self) {
            try DrillScenarioLoader.parse("version: 1\nphases:\n  - {name: a, at: 0s, window: 10s, fault: crash, on: restart}\n", path: "s.yml")
        }
        #expect(throws: ScenarioError.self) {
            try DrillScenarioLoader.parse("version: 1\nphases:\n  - {name: a, at: 0s, window: 10s, fault: kill_switch, on: open_order}\n", path: "s.yml")
        }
    }

    @Test func parametersLeftOutTakeTheirDefaults() throws {
        let scenario = try DrillScenarioLoader.parse("""
            version: 1
            phases:
              - {name: throttled, at: 0s, window: 20s, fault: rate_limit, requests: 4}
              - {at: 20s, window: 500ms, fault: platform_error, timeout: true}
            """, path: "s.yml")
        #expect(scenario.phases[0].faults == [.rateLimit(scope: .all, requests: 4, retryAfterSeconds: 2, banAfterViolations: 3, banSeconds: 10)])
        #expect(scenario.phases[1].name == "platform_error")
        #expect(scenario.phases[1].windowSeconds == 0.5)
        #expect(scenario.phases[1].faults == [.platformError(scope: .orders, requests: 2, status: 503, timeout: true)])
        #expect(scenario.weightPerMinute == 6000)
        let load = try DrillScenarioLoader.parse("version: 1\nweight_per_minute: 1200000\nphases: [{at: 0s, window: 1s}]\n", path: "s.yml")
        #expect(load.weightPerMinute == 1_200_000)
    }

    @Test(arguments: [
        ("version: 2\nphases: [{at: 0s, window: 1s}]\n", "s.yml:1:10: version must be 1"),
        ("version: 1\n", "s.yml:1:1: the scenario needs a phases list"),
        ("version: 1\nphases:\n  - {at: 0s, window: 5s, colour: red}\n", "s.yml:3:26: phase 1: unknown key 'colour'"),
        ("version: 1\nphases:\n  - {at: 0s, window: soon}\n", "s.yml:3:22: phase 'phase-1': window must be a duration"),
        ("version: 1\nphases:\n  - {at: 0s, window: 0s}\n", "s.yml:3:22: phase 'phase-1': window must be longer than 0 s"),
        ("version: 1\nphases:\n  - {at: 10s, window: 5s}\n  - {name: early, at: 5s, window: 5s}\n", "s.yml:4:5: phase 'early' starts before"),
        ("version: 1\nphases:\n  - {at: 0s, window: 5s, requests: 3}\n", "s.yml:3:36: phase 'phase-1': 'requests' is a fault parameter, but the phase names no fault"),
        ("version: 1\nphases:\n  - {at: 0s, window: 5s, fault: meteor}\n", "s.yml:3:33: phase 'meteor': unknown fault 'meteor'"),
        ("version: 1\nphases:\n  - {at: 0s, window: 5s, fault: ban, skew_ms: 5}\n", "s.yml:3:47: phase 'ban': ban takes no 'skew_ms'"),
        ("version: 1\nphases:\n  - {at: 0s, window: 5s, fault: clock_skew}\n", "s.yml:3:33: phase 'clock_skew': clock_skew needs skew_ms"),
        ("version: 1\nphases:\n  - {at: 0s, window: 5s, fault: rate_limit, requests: 99999999999999999999}\n", "s.yml:3:55: phase 'rate_limit': requests"),
        ("version: 1\nphases:\n  - {at: 0s, window: 5s, fault: validation, code: -1500}\n", "s.yml:3:51: phase 'validation': code must be -1013"),
        ("version: 1\nphases:\n  - {at: 0s, window: 5s, fault: validation, code: -2010}\n", "s.yml:3:51: phase 'validation': code must be a whole number from -1999 to -1000"),
        ("version: 1\nphases:\n  - {at: 0s, window: 2h}\n", "s.yml:3:3: the scenario lasts 7200 s; at most 3600 s"),
        ("version: 1\nphases: [\n", "s.yml:"),
        ("", "s.yml:1:1: the scenario is empty"),
        ("version: 1\nweight_per_minute: 0\nphases: [{at: 0s, window: 1s}]\n", "s.yml:2:20: weight_per_minute must be a whole number"),
    ] as [(String, String)])
    func everyProblemNamesItsLineAndColumn(text: String, expected: String) {
        #expect {
            _ = try DrillScenarioLoader.parse(text, path: "s.yml")
        } throws: { error in
            let description = "\(error)"
            if !description.hasPrefix(expected) { Issue.record("\(description.debugDescription) does not start with \(expected.debugDescription)") }
            return error is ScenarioError
        }
    }
}
