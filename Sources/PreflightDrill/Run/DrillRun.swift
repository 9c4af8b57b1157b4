import Foundation
import PreflightCollection
import PreflightModel
import PreflightScenario
import PreflightStandIn

/// `preflight drill`'s first half: starts the exchange stand-in, runs the bot against it (or waits for one
/// started elsewhere), plays the scenario, ends the bot, and turns the wire record into evidence. The
/// checks then judge it with everything else, as in `audit`.
public struct DrillRun: Sendable {
    public var manifest: Manifest
    public var scenario: DrillScenario
    /// Empty: attach mode (the bot is started some other way).
    public var command: [String]
    public var port: Int
    /// Where the wire record and the bot's output go.
    public var directory: String
    public var graceSeconds: Double = 5
    /// Told which phase runs; nil says nothing.
    public var progress: (any DrillProgress)?

    public init(manifest: Manifest, scenario: DrillScenario, command: [String], port: Int = 0, directory: String) {
        self.manifest = manifest
        self.scenario = scenario
        self.command = command
        self.port = port
        self.directory = directory
    }

    /// What a drill leaves: the evidence of the wire, and the bot's output to read as log samples.
    public struct Outcome: Sendable {
        public var drill: DrillEvidence
        public var capturedLogs: [String]
    }

    public func run() async throws -> Outcome {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let credentials = DrillCredentials.generate()
        var configuration = StandInConfiguration(apiKey: credentials.apiKey, apiSecret: credentials.apiSecret, passphrase: credentials.passphrase)
        configuration.port = port
        configuration.weightPerMinute = scenario.weightPerMinute
        configuration.retryChainWindowSeconds = Self.retryChainWindow(manifest)
        let server = try StandInServer(configuration)
        defer { server.stop() }
        let environment = DrillEnvironment(server: server, credentials: credentials, manifest: manifest)
        let director = try DrillProcessDirector(
            server: server, command: command, environment: environment.forChild(), directory: directory,
            killSwitch: KillSwitchEngager(manifest.killSwitch, manifestPath: manifest.path)
        )
        if director.bot == nil { progress?.attach(environment.summary(duration: scenario.duration)) }
        let health = HealthPoller.make(manifest, server: server)
        let polling = health.poller.map { poller in Task { await poller.run() } }
        await waitForTheBot(server, director: director)
        let startedAt = Date()
        await play(on: server, director: director, start: Self.monotonicNanoseconds())
        polling?.cancel()
        let ending = await director.bot?.end(grace: graceSeconds)
        // Let answers still in flight leave and be recorded.
        try? await Task.sleep(nanoseconds: 300_000_000)
        let events = server.wireEvents
        let dropped = server.wireEventsDropped
        server.stop()
        let run = DrillRunRecord(
            events: events, dropped: dropped, startedAt: startedAt, director: director, ending: ending, health: health
        )
        return try evidence(run)
    }

    static func monotonicNanoseconds() -> Int64 { Int64(DispatchTime.now().uptimeNanoseconds) }

    /// How long the bot may take to connect before the scenario's clock starts anyway.
    static let connectTimeoutSeconds = 60.0

    /// The scenario's clock starts at the bot's first connection to the stand-in: a bot still importing its
    /// libraries when the first fault is armed would meet it at start-up, not while trading.
    private func waitForTheBot(_ server: StandInServer, director: DrillProcessDirector) async {
        let deadline = Self.monotonicNanoseconds() + Int64(Self.connectTimeoutSeconds * 1e9)
        while server.acceptedConnections == 0, Self.monotonicNanoseconds() < deadline {
            if let bot = director.bot, !bot.isRunning { return }
            try? await Task.sleep(nanoseconds: 20_000_000)
        }
    }

    /// Begins and ends each phase on time, acting out the faults on the process; stops early when the bot exits.
    private func play(on server: StandInServer, director: DrillProcessDirector, start: Int64) async {
        var timeline: [(at: Double, begin: Bool, phase: DrillPhase)] = []
        for phase in scenario.phases {
            timeline.append((phase.atSeconds, true, phase))
            timeline.append((phase.atSeconds + phase.windowSeconds, false, phase))
        }
        timeline.sort { $0.at == $1.at ? (!$0.begin && $1.begin) : $0.at < $1.at }
        var exited = false
        for step in timeline {
            if !exited { exited = await wait(until: step.at, start: start, director: director) }
            if step.begin {
                if exited { continue }
                progress?.phase(step.phase.name, faults: step.phase.faults.map(\.name), at: step.at, of: scenario.duration)
                server.beginPhase(step.phase.name, faults: step.phase.faults)
                await begin(step.phase, director: director, start: start)
            } else {
                if step.phase.faults.contains(.killSwitch) { await director.releaseKillSwitch(phase: step.phase.name) }
                server.endPhase(step.phase.name)
            }
        }
        progress?.finish()
    }

    /// The process faults at a phase's start: a crash waits at most half the window for its trigger.
    private func begin(_ phase: DrillPhase, director: DrillProcessDirector, start: Int64) async {
        for fault in phase.faults {
            switch fault {
            case .crash(let trigger):
                let deadline = start + Int64((phase.atSeconds + phase.windowSeconds / 2) * 1e9)
                await director.crash(trigger, phase: phase.name, deadline: deadline)
            case .killSwitch:
                await director.engageKillSwitch(phase: phase.name)
            default:
                break
            }
        }
    }

    /// Sleeps until `at` seconds after the start; true when the bot exited meanwhile.
    private func wait(until at: Double, start: Int64, director: DrillProcessDirector) async -> Bool {
        while true {
            if let bot = director.bot, !bot.isRunning { return true }
            let remaining = at - Double(Self.monotonicNanoseconds() - start) / 1e9
            if remaining <= 0 { return false }
            try? await Task.sleep(nanoseconds: UInt64(min(remaining, 0.1) * 1e9))
        }
    }

    private func evidence(_ run: DrillRunRecord) throws -> Outcome {
        let record = WireRecordFile(run.events)
        let wirePath = (directory as NSString).appendingPathComponent("wire.jsonl")
        try record.write(to: wirePath)
        var wireManifest = manifest
        wireManifest.logs = nil
        guard let wire = LogEvidenceCollector(inputs: [wirePath]).read(wireManifest) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: wirePath])
        }
        let bots = run.director.processes
        let process = bots.last.map { bot in
            DrillBotProcess(
                command: bot.command, stdoutPath: bot.stdoutPath, stderrPath: bot.stderrPath,
                exitedEarly: run.ending?.hasPrefix("exited") == true ? bot.exitStatus : nil, ending: run.ending ?? ""
            )
        }
        let phases = record.phaseRecords(scenario)
        var drill = DrillEvidence(
            scenario: scenario.name, wirePath: wirePath, startedAt: run.startedAt, endedAt: Date(), phases: phases, wire: wire,
            duplicateOrders: record.duplicateOrders(file: wirePath), bot: process, wireEventsDropped: run.dropped,
            reactions: record.reactions(phases, file: wirePath),
            loadChanges: record.loadChanges(phases, file: wirePath), failureRuns: record.failureRuns(phases, file: wirePath)
        )
        drill.closedStreams = record.closedStreams(file: wirePath)
        drill.process = record.processFaults(
            scenario, phases: phases, director: run.director, health: run.health.record,
            healthURL: run.health.poller?.url.absoluteString, file: wirePath
        )
        return Outcome(drill: drill, capturedLogs: bots.flatMap { [$0.stdoutPath, $0.stderrPath] })
    }
}

/// What a drill run leaves for its evidence.
struct DrillRunRecord {
    var events: [WireEvent]
    var dropped: Int
    var startedAt: Date
    var director: DrillProcessDirector
    var ending: String?
    var health: (poller: HealthPoller?, record: DrillHealthRecord?)
}

extension DrillRun {
    /// 10 s, or less when the bot declares a shorter rate-limit or platform breaker cooldown: a request
    /// repeated after the cooldown is the breaker's probe, not one more attempt of the failed one.
    static func retryChainWindow(_ manifest: Manifest) -> Double {
        let cooldowns = [manifest.circuitBreakers?.rateLimit, manifest.circuitBreakers?.platform]
            .compactMap { $0?.cooldownSeconds?.value }.filter { $0 >= 1 }
        return min(10, Double(cooldowns.min() ?? 10))
    }
}
