import PreflightModel
import Yams

/// A phase's fault and its parameters, each checked against its range, with the defaults a fault takes
/// when a parameter is left out.
struct FaultParameters {
    static let allKeys: Set<String> = [
        "scope", "requests", "retry_after_s", "ban_after", "ban_s", "skew_ms", "status", "timeout", "code",
        "close_code", "refuse", "updates", "latency_ms", "on",
    ]

    /// Which parameters each fault takes.
    static let keysByFault: [String: Set<String>] = [
        "rate_limit": ["scope", "requests", "retry_after_s", "ban_after", "ban_s"],
        "ban": ["ban_s"],
        "clock_skew": ["skew_ms"],
        "auth_revoked": [],
        "platform_error": ["scope", "requests", "status", "timeout"],
        "lost_response": ["requests"],
        "validation": ["requests", "code"],
        "ws_disconnect": ["close_code", "refuse"],
        "sequence_gap": ["updates"],
        "stale_stream": [],
        "slow": ["latency_ms"],
        "maintenance": [],
        "crash": ["on"],
        "kill_switch": [],
        "health": [],
    ]

    let reader: ScenarioReader
    let phase: String
    let fields: [String: Node]

    init(reader: ScenarioReader, phase: String, fields: [String: Node]) {
        self.reader = reader
        self.phase = phase
        self.fields = fields
    }

    func fault(_ node: Node) throws -> InjectedFault {
        guard let name = node.string, let keys = Self.keysByFault[name] else {
            throw reader.error(node, "phase '\(phase)': unknown fault '\(node.string ?? "?")' (one of: \(Self.keysByFault.keys.sorted().joined(separator: ", ")))")
        }
        if let stray = Self.allKeys.subtracting(keys).sorted().first(where: { fields[$0] != nil }) {
            throw reader.error(fields[stray], "phase '\(phase)': \(name) takes no '\(stray)' (it takes: \(keys.isEmpty ? "nothing" : keys.sorted().joined(separator: ", ")))")
        }
        return try build(name)
    }

    private func build(_ name: String) throws -> InjectedFault {
        switch name {
        case "rate_limit":
            return .rateLimit(
                scope: try scope(default: .all), requests: try int("requests", 3, 1...10_000),
                retryAfterSeconds: try int("retry_after_s", 2, 1...600), banAfterViolations: try int("ban_after", 3, 1...1000),
                banSeconds: try int("ban_s", 10, 1...3600)
            )
        case "ban": return .ban(seconds: try int("ban_s", 10, 1...3600))
        case "clock_skew":
            guard fields["skew_ms"] != nil else { throw reader.error(fields["fault"], "phase '\(phase)': clock_skew needs skew_ms (e.g. -3000: the server 3 s behind)") }
            return .clockSkew(milliseconds: try int("skew_ms", 0, -600_000...600_000))
        case "auth_revoked": return .authRevoked
        case "platform_error":
            return .platformError(
                scope: try scope(default: .orders), requests: try int("requests", 2, 1...10_000),
                status: try int("status", 503, 500...599), timeout: try bool("timeout", false)
            )
        case "lost_response": return .lostResponse(requests: try int("requests", 1, 1...1000))
        case "validation":
            let code = try int("code", -1013, -1999...(-1000))
            guard code == -1013 || code == -1111 else { throw reader.error(fields["code"], "phase '\(phase)': code must be -1013 (filter failure) or -1111 (precision)") }
            return .validation(requests: try int("requests", 1, 1...1000), code: code)
        case "ws_disconnect":
            let code = try int("close_code", 1006, 1000...4999)
            guard [1000, 1001, 1006, 1008, 1011, 1012, 1013].contains(code) else {
                throw reader.error(fields["close_code"], "phase '\(phase)': close_code must be one of 1000, 1001, 1006 (no close frame), 1008, 1011, 1012, 1013")
            }
            return .wsDisconnect(closeCode: code, refusedReconnects: try int("refuse", 2, 0...100))
        case "sequence_gap": return .sequenceGap(updates: try int("updates", 10, 1...1_000_000))
        case "stale_stream": return .staleStream
        case "slow": return .slow(milliseconds: try int("latency_ms", 2000, 1...60_000))
        case "crash": return .crash(trigger: try crashTrigger())
        case "kill_switch": return .killSwitch
        case "health": return .health
        default: return .maintenance
        }
    }

    private func int(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
        guard let node = fields[key] else { return fallback }
        guard let value = node.int, range.contains(value) else {
            throw reader.error(node, "phase '\(phase)': \(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private func bool(_ key: String, _ fallback: Bool) throws -> Bool {
        guard let node = fields[key] else { return fallback }
        guard let value = node.bool else { throw reader.error(node, "phase '\(phase)': \(key) must be true or false") }
        return value
    }

    private func crashTrigger() throws -> InjectedFault.CrashTrigger {
        guard let node = fields["on"] else { return .openOrder }
        guard let text = node.string, let trigger = InjectedFault.CrashTrigger(rawValue: text) else {
            throw reader.error(node, "phase '\(phase)': on must be one of \(InjectedFault.CrashTrigger.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return trigger
    }

    private func scope(default fallback: EndpointScope) throws -> EndpointScope {
        guard let node = fields["scope"] else { return fallback }
        guard let text = node.string, let scope = EndpointScope(rawValue: text) else {
            throw reader.error(node, "phase '\(phase)': scope must be one of \(EndpointScope.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return scope
    }
}
