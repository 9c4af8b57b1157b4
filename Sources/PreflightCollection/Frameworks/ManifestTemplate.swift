import Foundation
import PreflightModel

/// Writes a starter `preflight.yml` with every section: what could be derived is filled in (with where it
/// came from), and every decision left to the user is a commented line with a suggested value.
/// The output always loads as a valid manifest.
public enum ManifestTemplate {
    public static func render(_ derived: Manifest?, source: String?) -> String {
        var out = TemplateWriter()
        out.comment("preflight manifest, version 1. Reference: docs/preflight.example.yml")
        if let source { out.comment("Derived from \(source); lines marked 'decide' are yours to fill in.") }
        out.raw("version: 1")
        out.blank()

        writeBot(derived, into: &out)
        writeCredentials(derived, into: &out)
        writeClock(derived, into: &out)
        writeConcurrency(derived, into: &out)
        writeRetry(derived, into: &out)
        writeErrors(derived, into: &out)
        writeCircuitBreakers(into: &out)
        writeStreams(derived, into: &out)
        writeRecovery(derived, into: &out)
        writeOrders(derived, into: &out)
        writeKillSwitch(derived, into: &out)
        writeMonitoring(derived, into: &out)
        writeLogsAndSuppressions(derived, into: &out)
        return out.text
    }

    private static func writeBot(_ derived: Manifest?, into out: inout TemplateWriter) {
        let bot = derived?.bot
        out.section("bot")
        // The two keys a manifest cannot load without: written as values to fill in, never commented out.
        out.required("name", bot.map { quoted($0.name.value) }, placeholder: "\"my-bot\"", note: "fill in: the bot's name, shown in every report", from: bot?.name)
        out.required("exchange", bot?.exchange.description, placeholder: "binance", note: "fill in: binance | binance-futures | bybit | okx | kraken | coinbase", from: bot?.exchange)
        out.value("mode", bot?.mode, suggestion: "trading", note: "trading | read_only")
        out.value("markets", bot?.markets, suggestion: "[spot]", note: "spot | margin | futures | options")
        out.value("base_url", bot?.baseURL.map { quoted($0.value) }, suggestion: "\"https://testnet.binance.vision\"", note: "testnet, proxy or mock", from: bot?.baseURL)
    }

    private static func writeCredentials(_ derived: Manifest?, into out: inout TemplateWriter) {
        let credentials = derived?.credentials
        out.section("credentials")
        out.value("api_key_env", credentials?.apiKeyEnv?.value, suggestion: "BOT_API_KEY", note: "the variable that holds the key, never the key", from: credentials?.apiKeyEnv)
        out.value("api_secret_env", credentials?.apiSecretEnv?.value, suggestion: "BOT_API_SECRET", note: "the variable that holds the secret", from: credentials?.apiSecretEnv)
        out.value("passphrase_env", credentials?.passphraseEnv?.value, suggestion: "BOT_PASSPHRASE", note: "OKX only", from: credentials?.passphraseEnv)
        out.value("key_permissions", credentials?.keyPermissions?.description, suggestion: "[read, spot_trade]", note: "decide: what the key may do on the exchange")
        out.value("ip_allowlist", nil, suggestion: "[203.0.113.10/32]", note: "decide: the bot's egress addresses")
        out.comment("rotation:", indent: 1)
        out.comment("  runbook: docs/key-rotation.md      # decide: where the rotation runbook lives", indent: 1)
        out.comment("  interval_days: 90", indent: 1)
    }

    private static func writeClock(_ derived: Manifest?, into out: inout TemplateWriter) {
        let clock = derived?.clock
        out.section("clock")
        out.value("recv_window_ms", clock?.recvWindowMs, suggestion: "5000", note: "the recvWindow the bot signs with")
        out.value("offset_alert_ms", clock?.offsetAlertMs, suggestion: "1000", note: "decide: alert threshold, at most 50% of recv_window_ms")
        out.value("logs_offset", clock?.logsOffset, suggestion: "true", note: "signed-request logs carry clock_offset_ms")
    }

    private static func writeConcurrency(_ derived: Manifest?, into out: inout TemplateWriter) {
        out.section("concurrency")
        out.value("private", derived?.concurrency?.privateRequests, suggestion: "2", note: "decide: signed requests in flight at once")
        out.value("public", derived?.concurrency?.publicRequests, suggestion: "4", note: "decide: public requests in flight at once")
    }

    private static func writeRetry(_ derived: Manifest?, into out: inout TemplateWriter) {
        let retry = derived?.retry
        out.section("retry")
        out.value("max_attempts", retry?.maxAttempts, suggestion: "3", note: "attempts per request, the first included")
        out.value("respect_retry_after", retry?.respectRetryAfter, suggestion: "true", note: "a 429/418 waits at least Retry-After")
        out.backoff("backoff", retry?.backoff, suggestion: "{kind: exponential, base_ms: 1000, max_ms: 16000, jitter: full}")
    }

    private static func writeErrors(_ derived: Manifest?, into out: inout TemplateWriter) {
        let errors = derived?.errors
        out.section("errors")
        out.value("auth", errors?.auth, suggestion: "halt", note: "decide: halt | escalate")
        out.value("rate_limit", errors?.rateLimit, suggestion: "backoff", note: "backoff | shed")
        out.value("platform", errors?.platform, suggestion: "retry_then_escalate", note: "retry_then_escalate | retry_then_halt | escalate | halt")
        out.value("validation", errors?.validation, suggestion: "drop", note: "decide: drop | halt | escalate")
    }

    private static func writeCircuitBreakers(into out: inout TemplateWriter) {
        out.section("circuit_breakers")
        for name in ["auth", "rate_limit", "platform"] {
            out.value(name, nil, suggestion: "{failure_threshold: 3, cooldown_s: 60}", note: "decide: when the breaker opens")
        }
    }

    private static func writeStreams(_ derived: Manifest?, into out: inout TemplateWriter) {
        let streams = derived?.streams
        out.section("streams")
        if streams?.reconnectSingleFlight != nil || streams?.reconnectBackoff != nil {
            out.raw("  reconnect:")
            if let flight = streams?.reconnectSingleFlight { out.raw("    single_flight: \(flight)" + from(flight)) }
            if let backoff = streams?.reconnectBackoff { out.raw("    backoff: \(inline(backoff))" + from(backoff.kind)) }
        } else {
            out.comment("reconnect: {single_flight: true, backoff: {kind: exponential, base_ms: 1000, max_ms: 30000, jitter: full}}", indent: 1)
        }
        out.value("sequence_tracking", streams?.sequenceTracking, suggestion: "true", note: "decide: the bot checks stream sequence numbers")
        out.value("on_gap", streams?.onGap, suggestion: "resync", note: "resync | halt | log")
        out.comment("resync: {mode: snapshot, max_items: 1000, max_duration_s: 10}", indent: 1)
    }

    private static func writeRecovery(_ derived: Manifest?, into out: inout TemplateWriter) {
        let recovery = derived?.recovery
        out.section("recovery")
        out.value("reconcile_on_start", recovery?.reconcileOnStart, suggestion: "[open_orders, positions]", note: "reconciled before the first new order")
        out.value("block_orders_until_reconciled", recovery?.blockOrdersUntilReconciled, suggestion: "true", note: "")
    }

    private static func writeOrders(_ derived: Manifest?, into out: inout TemplateWriter) {
        let orders = derived?.orders
        out.section("orders")
        out.value("client_order_ids", orders?.clientOrderIDs, suggestion: "true", note: "every placement and cancel carries one")
        out.value("reuse_id_on_retry", orders?.reuseIDOnRetry, suggestion: "true", note: "")
        out.value("on_unknown_outcome", orders?.onUnknownOutcome, suggestion: "query_status", note: "resend_same_id | query_status | abandon")
    }

    private static func writeKillSwitch(_ derived: Manifest?, into out: inout TemplateWriter) {
        let killSwitch = derived?.killSwitch
        out.section("kill_switch")
        out.value("kind", killSwitch?.kind, suggestion: "flag_file", note: "flag_file | admin_endpoint | signal | chat_command")
        out.value("target", killSwitch?.target.map { quoted($0.value) }, suggestion: "run/halt.flag", note: "path, URL, signal or command", from: killSwitch?.target)
        out.value("last_exercised", nil, suggestion: "2026-01-31", note: "decide: the day it was last tested")
    }

    private static func writeMonitoring(_ derived: Manifest?, into out: inout TemplateWriter) {
        let monitoring = derived?.monitoring
        out.section("monitoring")
        out.value("health_endpoint", monitoring?.healthEndpoint.map { quoted($0.value) }, suggestion: "\"http://127.0.0.1:9102/healthz\"", note: "", from: monitoring?.healthEndpoint)
        out.value("heartbeat_interval_s", monitoring?.heartbeatIntervalSeconds, suggestion: "30", note: "")
    }

    private static func writeLogsAndSuppressions(_ derived: Manifest?, into out: inout TemplateWriter) {
        out.section("logs")
        out.value("paths", nil, suggestion: "[logs/*.jsonl]", note: "decide: where the log samples are")
        out.value("format", derived?.logs?.format, suggestion: "auto", note: "auto | jsonl | logfmt | freqtrade | hummingbot")
        out.blank()
        out.comment("suppressions:")
        out.comment("  - {check: A2, reason: \"why the risk is accepted\", owner: team, expires: 2027-01-31}")
    }

    static func quoted(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    static func inline(_ backoff: Backoff) -> String {
        var parts: [String] = []
        if let kind = backoff.kind { parts.append("kind: \(kind)") }
        if let base = backoff.baseMs { parts.append("base_ms: \(base)") }
        if let max = backoff.maxMs { parts.append("max_ms: \(max)") }
        if let jitter = backoff.jitter { parts.append("jitter: \(jitter)") }
        if let amount = backoff.jitterMs { parts.append("jitter_ms: \(amount)") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    static func from<Value>(_ located: Located<Value>?) -> String {
        guard let location = located?.location else { return "" }
        return "   # from \(location.field.map { "\($0), " } ?? "")\(location.file)" + (location.line.map { ":\($0)" } ?? "")
    }
}

/// Accumulates the template's lines.
struct TemplateWriter {
    private(set) var lines: [String] = []
    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func raw(_ line: String) { lines.append(line) }
    mutating func blank() { lines.append("") }
    mutating func comment(_ text: String, indent: Int = 0) { lines.append(String(repeating: "  ", count: indent) + "# " + text) }

    mutating func section(_ name: String) {
        blank()
        raw("\(name):")
    }

    /// A derived value becomes a line; a missing one becomes a commented suggestion.
    mutating func value<Value>(_ key: String, _ derived: String?, suggestion: String, note: String, from source: Located<Value>?) {
        if let derived {
            raw("  \(key): \(derived)" + ManifestTemplate.from(source))
        } else {
            comment("\(key): \(suggestion)" + (note.isEmpty ? "" : "   # \(note)"), indent: 1)
        }
    }

    /// A key the manifest must have: the derived value, or a placeholder the user replaces.
    mutating func required<Value>(_ key: String, _ derived: String?, placeholder: String, note: String, from source: Located<Value>?) {
        if let derived {
            raw("  \(key): \(derived)" + ManifestTemplate.from(source))
        } else {
            raw("  \(key): \(placeholder)   # \(note)")
        }
    }

    /// A key preflight cannot derive: always the user's decision.
    /// A declared value written as derived, or the suggestion commented out when there is none.
    mutating func value<Value>(_ key: String, _ source: Located<Value>?, suggestion: String, note: String) {
        value(key, source?.description, suggestion: suggestion, note: note, from: source)
    }

    mutating func value(_ key: String, _ derived: String?, suggestion: String, note: String) {
        value(key, derived, suggestion: suggestion, note: note, from: Located<Int>?.none)
    }

    mutating func backoff(_ key: String, _ backoff: Backoff?, suggestion: String) {
        if let backoff {
            raw("  \(key): \(ManifestTemplate.inline(backoff))" + ManifestTemplate.from(backoff.kind))
        } else {
            comment("\(key): \(suggestion)", indent: 1)
        }
    }
}
