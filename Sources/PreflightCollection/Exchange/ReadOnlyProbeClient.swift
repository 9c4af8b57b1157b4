import Foundation

/// The only way probes reach the network: a GET to one of `ProbeEndpoint`'s paths, with a deadline.
/// Answers that are not usable JSON become a `ProbeFailure` worded for the report.
struct ReadOnlyProbeClient: Sendable {
    struct Answer: Sendable {
        /// A JSON object, checked to parse.
        var body: Data
        var sentAt: Date
        var roundTrip: Duration

        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    let transport: any HTTPTransport
    /// `bot.base_url`, replacing every endpoint's own host (testnet, proxy, local mock).
    let baseOverride: String?
    let timeout: Duration

    func base(for endpoint: ProbeEndpoint) -> String {
        var base = baseOverride ?? endpoint.defaultBase
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    func url(for endpoint: ProbeEndpoint, query: String?) -> URL? {
        URL(string: base(for: endpoint) + endpoint.path + (query.map { "?\($0)" } ?? ""))
    }

    func get(_ endpoint: ProbeEndpoint, query: String? = nil, headers: [String: String] = [:]) async -> Result<Answer, ProbeFailure> {
        precondition(endpoint.method == "GET", "probes only read")
        guard let url = url(for: endpoint, query: query) else {
            return .failure(ProbeFailure(endpoint: endpoint.path, reason: "bot.base_url does not form a valid URL with \(endpoint.path)"))
        }
        let clock = ContinuousClock()
        let sentAt = Date()
        let start = clock.now
        let response: HTTPResponse
        do {
            response = try await transport.get(url, headers: headers, timeout: timeout)
        } catch let failure as TransportFailure {
            return .failure(ProbeFailure(endpoint: endpoint.path, reason: failure.description))
        } catch {
            return .failure(ProbeFailure(endpoint: endpoint.path, reason: "request failed: \(type(of: error))"))
        }
        let roundTrip = clock.now - start
        if let problem = Self.problem(with: response, host: url.host ?? "the exchange", path: endpoint.path) {
            return .failure(ProbeFailure(endpoint: endpoint.path, reason: problem))
        }
        if (try? JSONSerialization.jsonObject(with: response.body)) is [String: Any] {
            return .success(Answer(body: response.body, sentAt: sentAt, roundTrip: roundTrip))
        } else {
            return .failure(ProbeFailure(
                endpoint: endpoint.path,
                reason: "malformed JSON from \(url.host ?? "the exchange")\(endpoint.path) (HTTP \(response.status), \(response.body.count) bytes)"
            ))
        }
    }

    /// An HTTP answer that carries no usable result, in words; nil for a 2xx JSON answer.
    static func problem(with response: HTTPResponse, host: String, path: String) -> String? {
        let type = response.headers["content-type"]?.lowercased() ?? ""
        let head = response.body.prefix(64).drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if type.contains("text/html") || head.first == UInt8(ascii: "<") {
            return "\(host) answered \(path) with an HTML page (HTTP \(response.status)) instead of JSON"
        }
        switch response.status {
        case 200..<300: return nil
        case 429:
            let wait = response.headers["retry-after"].map { ", Retry-After \($0) s" } ?? ""
            return "rate limited by \(host) (HTTP 429\(wait))\(exchangeError(response.body))"
        case 418: return "\(host) has banned this IP address (HTTP 418)\(exchangeError(response.body))"
        case 500..<600: return "\(host) had a server error (HTTP \(response.status))\(exchangeError(response.body))"
        default: return "\(host) rejected \(path) (HTTP \(response.status))\(exchangeError(response.body))"
        }
    }

    /// ": code -2015 Invalid API-key, IP, or permissions for action", from the exchange's JSON error body.
    static func exchangeError(_ body: Data) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return "" }
        let code = object["code"] ?? object["retCode"]
        let message = (object["msg"] ?? object["retMsg"] ?? object["message"] ?? object["error"]).map { "\($0)" }
        var text = ""
        if let code { text += " code \(code)" }
        if let message, !message.isEmpty { text += " \(message.prefix(120))" }
        return text.isEmpty ? "" : ":" + text
    }
}

/// A probe that was made and gave no usable answer.
struct ProbeFailure: Error, Sendable {
    var endpoint: String
    var reason: String
}
