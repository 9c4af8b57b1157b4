import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PreflightModel

/// Pulls the manifest's kill switch the way an operator would: creates the flag file, POSTs to the admin
/// endpoint (on 127.0.0.1 only), or sends the signal; and lets it go again where the kind has a way back
/// (the flag file is removed). A chat command cannot be drilled.
final class KillSwitchEngager: @unchecked Sendable {
    // @unchecked: touched only from the drill's one sequential flow.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    let kind: KillSwitchSection.Kind
    let target: String
    /// The flag file's path, relative to the manifest's folder as the manifest means it.
    let flagPath: String?
    private var createdFlag = false

    init?(_ section: KillSwitchSection?, manifestPath: String) {
        guard let kind = section?.kind?.value else { return nil }
        self.kind = kind
        target = section?.target?.value.trimmingCharacters(in: .whitespaces) ?? ""
        let base = (manifestPath as NSString).deletingLastPathComponent
        flagPath = kind == .flagFile && !target.isEmpty
            ? (target.hasPrefix("/") || base.isEmpty ? target : (base as NSString).appendingPathComponent(target)) : nil
    }

    func engage(bot: BotProcess?) async -> Result<String, Refusal> {
        switch kind {
        case .flagFile: return createFlag()
        case .adminEndpoint: return await post()
        case .signal: return signal(bot)
        case .chatCommand: return .failure(Refusal(description: "a chat command cannot be drilled: preflight does not speak to the chat service"))
        case .redeploy: return .failure(Refusal(description: "a redeploy is not a switch the drill can pull"))
        }
    }

    func release() async -> Result<String, Refusal> {
        guard kind == .flagFile, let flagPath else {
            return .failure(Refusal(description: "a \(kind.rawValue) kill switch declares no way back: the bot stays halted for the rest of the drill"))
        }
        guard createdFlag else { return .success("flag file \(flagPath) was there before the drill; left in place") }
        do {
            try FileManager.default.removeItem(atPath: flagPath)
            createdFlag = false
            return .success("flag file \(flagPath) removed")
        } catch {
            return .failure(Refusal(description: "cannot remove the flag file \(flagPath): \(error.localizedDescription)"))
        }
    }

    private func createFlag() -> Result<String, Refusal> {
        guard let flagPath else { return .failure(Refusal(description: "the flag file kill switch names no target")) }
        if FileManager.default.fileExists(atPath: flagPath) { return .success("flag file \(flagPath) already there") }
        guard FileManager.default.createFile(atPath: flagPath, contents: Data("engaged by preflight drill\n".utf8)) else {
            return .failure(Refusal(description: "cannot create the flag file \(flagPath) (does its folder exist?)"))
        }
        createdFlag = true
        return .success("flag file \(flagPath) created")
    }

    private func signal(_ bot: BotProcess?) -> Result<String, Refusal> {
        let name = target.uppercased().hasPrefix("SIG") ? String(target.uppercased().dropFirst(3)) : target.uppercased()
        let numbers: [String: Int32] = ["TERM": SIGTERM, "INT": SIGINT, "HUP": SIGHUP, "QUIT": SIGQUIT, "USR1": SIGUSR1, "USR2": SIGUSR2]
        guard let number = numbers[name] else { return .failure(Refusal(description: "\(target) is not a signal the drill sends (TERM, INT, HUP, QUIT, USR1, USR2)")) }
        guard let bot, bot.isRunning else { return .failure(Refusal(description: "the bot is not running (or was started elsewhere): no process to signal")) }
        bot.send(number)
        return .success("SIG\(name) sent to pid \(bot.processIdentifier)")
    }

    private func post() async -> Result<String, Refusal> {
        guard let url = URL(string: target), let host = url.host, Loopback.contains(host) else {
            return .failure(Refusal(description: "the admin endpoint \(target) is not on 127.0.0.1: drills touch nothing else"))
        }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.timeoutInterval = 3
        do {
            let (_, response) = try await URLSession.shared.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard (200..<300).contains(status) else { return .failure(Refusal(description: "POST \(target) answered \(status)")) }
            return .success("POST \(target) answered \(status)")
        } catch {
            return .failure(Refusal(description: "POST \(target) failed: \(error.localizedDescription)"))
        }
    }
}
