import Foundation
import PreflightModel
import PreflightStandIn

/// What the bot under drill finds in its environment: the stand-in's URLs and the drill's credentials,
/// under the manifest's own credential variables and under preflight's names.
struct DrillEnvironment {
    let restURL: String
    let streamURL: String
    let credentials: DrillCredentials
    let manifest: Manifest

    init(server: StandInServer, credentials: DrillCredentials, manifest: Manifest) {
        restURL = server.baseURL
        streamURL = server.streamURL
        self.credentials = credentials
        self.manifest = manifest
    }

    var variables: [(name: String, value: String)] {
        var variables: [(String, String)] = [
            ("PREFLIGHT_DRILL_REST_URL", restURL), ("PREFLIGHT_DRILL_WS_URL", streamURL),
            ("PREFLIGHT_DRILL_API_KEY", credentials.apiKey), ("PREFLIGHT_DRILL_API_SECRET", credentials.apiSecret),
        ]
        let declared = manifest.credentials
        if let name = declared?.apiKeyEnv?.value { variables.append((name, credentials.apiKey)) }
        if let name = declared?.apiSecretEnv?.value { variables.append((name, credentials.apiSecret)) }
        if let name = declared?.passphraseEnv?.value { variables.append((name, credentials.passphrase)) }
        return variables
    }

    /// The current environment with the drill's variables over it: the bot's real keys are replaced.
    func forChild() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in variables { environment[name] = value }
        return environment
    }

    /// For attach mode: what to give the bot started elsewhere. The credentials are the drill's own,
    /// generated for this run and accepted only by this stand-in on 127.0.0.1.
    func summary(duration: Double) -> String {
        var lines = ["preflight drill: exchange stand-in listening; start the bot with:"]
        lines += variables.map { "  export \($0.name)=\($0.value)" }
        lines.append("the scenario runs for \(Int(duration.rounded())) s from now")
        return lines.joined(separator: "\n")
    }
}
