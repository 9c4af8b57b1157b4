import Foundation
import PreflightModel
import PreflightStandIn

/// Acts out the faults a drill plays on the bot itself: kills it with orders open and starts the same
/// command again (`crash`), engages and releases the kill switch (`kill_switch`). Keeps the bot's
/// processes, and what could not be done, for the evidence.
final class DrillProcessDirector: @unchecked Sendable {
    // @unchecked: touched only from the drill's one sequential flow.
    let server: StandInServer
    let command: [String]
    let environment: [String: String]
    let directory: String
    let killSwitch: KillSwitchEngager?
    private(set) var processes: [BotProcess] = []
    /// Why a phase's restart or kill switch could not be done, by phase.
    private(set) var restartFailures: [String: String] = [:]
    private(set) var killSwitchFailures: [String: String] = [:]
    private(set) var releaseFailures: [String: String] = [:]
    /// The orders each crash left open, by phase.
    private(set) var orphans: [String: [Int64]] = [:]

    init(server: StandInServer, command: [String], environment: [String: String], directory: String, killSwitch: KillSwitchEngager?) throws {
        self.server = server
        self.command = command
        self.environment = environment
        self.directory = directory
        self.killSwitch = killSwitch
        if !command.isEmpty { processes.append(try BotProcess(command: command, environment: environment, directory: directory)) }
    }

    /// The bot's current process; nil in attach mode.
    var bot: BotProcess? { processes.last }

    /// Waits (until `deadline`, monotonic ns) for what the crash waits for, SIGKILLs the bot, marks the
    /// orders it left open, and starts the command again.
    func crash(_ trigger: InjectedFault.CrashTrigger, phase: String, deadline: Int64) async {
        guard let bot, bot.isRunning else {
            restartFailures[phase] = command.isEmpty
                ? "attach mode: the drill did not start the bot, so it cannot kill and restart it"
                : "the bot had already exited"
            return
        }
        while DrillRun.monotonicNanoseconds() < deadline, bot.isRunning,
              server.openOrderIDs(answerLost: trigger == .lostResponse).isEmpty {
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        await bot.killAbruptly()
        let orphans = server.orphanOpenOrders()
        self.orphans[phase] = orphans
        let open = orphans.isEmpty ? "no order open" : "orders \(orphans.map(String.init).joined(separator: ",")) open"
        server.recordDrillEvent(.botKill, detail: "SIGKILL, \(open)", fault: "crash")
        do {
            let next = try BotProcess(command: command, environment: environment, directory: directory, run: processes.count + 1)
            processes.append(next)
            server.recordDrillEvent(.botStart, detail: "run \(processes.count), pid \(next.processIdentifier)")
        } catch {
            restartFailures[phase] = "\(error)"
        }
    }

    func engageKillSwitch(phase: String) async {
        guard let killSwitch else {
            killSwitchFailures[phase] = "no kill switch declared (kill_switch section)"
            return
        }
        switch await killSwitch.engage(bot: bot) {
        case .success(let detail): server.recordDrillEvent(.killSwitchEngage, detail: detail, fault: "kill_switch")
        case .failure(let reason): killSwitchFailures[phase] = reason.description
        }
    }

    func releaseKillSwitch(phase: String) async {
        guard let killSwitch, killSwitchFailures[phase] == nil else { return }
        switch await killSwitch.release() {
        case .success(let detail): server.recordDrillEvent(.killSwitchRelease, detail: detail)
        case .failure(let reason): releaseFailures[phase] = reason.description
        }
    }
}
