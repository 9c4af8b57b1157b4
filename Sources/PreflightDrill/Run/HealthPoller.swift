import Foundation
import PreflightCollection
import PreflightModel
import PreflightStandIn

/// Polls the bot's declared health endpoint all through a drill (every 0.5 s, every 0.1 s while a phase
/// holds the streams down), each answer (its status and a digest
/// of its body, never the body) written on the wire record, so E4 can see whether it answers and whether
/// it says something else while the streams are down.
struct HealthPoller: Sendable {
    static let intervalSeconds = 0.5
    /// While a phase holds the streams down, which may last well under a second.
    static let outageIntervalSeconds = 0.1
    let url: URL
    let server: StandInServer
    let transport: any HTTPTransport

    /// nil with the reason when the declared endpoint is not one a drill may poll.
    static func make(_ manifest: Manifest, server: StandInServer) -> (poller: HealthPoller?, record: DrillHealthRecord?) {
        guard let text = manifest.monitoring?.healthEndpoint?.value.trimmingCharacters(in: .whitespaces) else { return (nil, nil) }
        guard let url = URL(string: text), url.scheme?.lowercased() == "http", let host = url.host else {
            return (nil, DrillHealthRecord(url: text, notPolled: "not an http:// URL the drill can poll", intervalSeconds: intervalSeconds))
        }
        guard Loopback.contains(host) else {
            return (nil, DrillHealthRecord(url: text, notPolled: "not on 127.0.0.1: drills touch nothing else", intervalSeconds: intervalSeconds))
        }
        return (HealthPoller(url: url, server: server, transport: URLSessionTransport()), nil)
    }

    /// Polls until cancelled.
    func run() async {
        while !Task.isCancelled {
            let started = DispatchTime.now().uptimeNanoseconds
            do {
                let response = try await transport.get(url, headers: [:], timeout: .seconds(1))
                let latency = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
                server.recordDrillEvent(.healthPoll, status: response.status, latencyMs: latency, detail: "body \(Self.digest(response.body))")
            } catch {
                server.recordDrillEvent(.healthPoll, detail: "no answer: \(error)")
            }
            let spent = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let interval = server.streamsHeldDown ? Self.outageIntervalSeconds : Self.intervalSeconds
            try? await Task.sleep(nanoseconds: UInt64(max(0.02, interval - spent) * 1e9))
        }
    }

    /// FNV-1a of the body, 8 hex digits: tells answers apart without keeping what they said.
    static func digest(_ body: Data) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in body { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
