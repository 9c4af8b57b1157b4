import Foundation
import PreflightModel
import PreflightSupport

/// Derives a manifest from hummingbot's `conf_client.yml`, the exchange its strategy config names,
/// and the behaviour its connectors have built in (docs/frameworks.md).
public enum HummingbotAdapter {
    static let framework = "hummingbot"

    /// `exchange` overrides the connector found in the strategy configs beside `conf_client.yml`.
    public static func manifest(configPath: String, exchange override: String? = nil) throws -> Manifest {
        let config = try ConfigDocument(path: configPath)
        let connector = try override.map { Located($0, at: SourceLocation(file: "--exchange")) } ?? findConnector(near: configPath)
        guard let exchange = Self.exchange(connector.value) else {
            throw ManifestError([ManifestProblem(
                file: connector.location.file, line: connector.location.line, column: connector.location.column,
                keyPath: connector.location.field,
                message: "hummingbot connector '\(connector.value)' is not one preflight audits (binance, binance_perpetual, bybit, bybit_perpetual, okx, okx_perpetual, kraken, coinbase_advanced_trade)"
            )])
        }
        let name = config.string("instance_id").map { Located("hummingbot-\($0.value.prefix(8))", at: $0.location) }
            ?? Located("hummingbot", at: builtIn(framework, "instance_id"))
        var bot = BotSection(name: name, exchange: Located(exchange, at: connector.location))
        let perpetual = connector.value.hasSuffix("_perpetual")
        bot.markets = Located([perpetual ? .futures : .spot], at: connector.location)
        var manifest = Manifest.derived(from: framework, config: config, bot: bot, logFormat: .hummingbot, secretKeyPaths: [
            "telegram_mode.telegram_token", "db_mode.db_password", "mqtt_bridge.mqtt_password",
        ])

        // Connectors stamp every order with a generated client order id and keep it across retries.
        var orders = OrdersSection()
        orders.clientOrderIDs = Located(true, at: builtIn(framework, "connectors generate client order ids"))
        orders.reuseIDOnRetry = Located(true, at: builtIn(framework, "in-flight orders keep their client order id"))
        // An order whose creation timed out stays tracked and its status is polled until the exchange reports it.
        orders.onUnknownOutcome = Located(.queryStatus, at: builtIn(framework, "client order tracker polls lost orders"))
        manifest.orders = orders

        // One listener task per stream reconnects in a loop, with no growing delay.
        var streams = StreamsSection()
        streams.reconnectSingleFlight = Located(true, at: builtIn(framework, "one listener task per stream"))
        var reconnect = Backoff()
        reconnect.kind = Located(.none, at: builtIn(framework, "websocket reconnect without backoff"))
        reconnect.jitter = Located(.none, at: builtIn(framework, "websocket reconnect without jitter"))
        streams.reconnectBackoff = reconnect
        manifest.streams = streams

        // time_synchronizer.py keeps the offset to the exchange and logs nothing about it; the binance connector
        // sends no recvWindow (binance_auth.py:47-50), so the exchange's default applies.
        var clock = ClockSection()
        clock.logsOffset = Located(false, at: builtIn(framework, "the time synchronizer logs no offset"))
        manifest.clock = clock

        var killSwitch = KillSwitchSection(location: config.location("kill_switch_mode"))
        if config.string("telegram_mode.telegram_chat_id") != nil || config.has("telegram_mode.telegram_token") {
            killSwitch.kind = Located(.chatCommand, at: config.location("telegram_mode"))
            killSwitch.target = Located("/stop", at: builtIn(framework, "telegram stop command"))
        } else {
            killSwitch.kind = Located(.chatCommand, at: builtIn(framework, "the stop command of hummingbot's console"))
            killSwitch.target = Located("stop", at: builtIn(framework, "the stop command of hummingbot's console"))
        }
        manifest.killSwitch = killSwitch
        return manifest
    }

    /// The connector a strategy config beside conf_client.yml trades on (`exchange`, `connector` or `maker_market`).
    static func findConnector(near configPath: String) throws -> Located<String> {
        let folder = (configPath as NSString).deletingLastPathComponent
        let candidates = [(folder as NSString).appendingPathComponent("strategies"), folder]
        for directory in candidates {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            for file in files where file.hasSuffix(".yml") && file != (configPath as NSString).lastPathComponent {
                let path = (directory as NSString).appendingPathComponent(file)
                guard let document = try? ConfigDocument(path: path) else { continue }
                for key in ["exchange", "connector", "maker_market", "connector_name"] {
                    if let value = document.string(key) { return value }
                }
            }
        }
        throw InputError("\(configPath): no strategy config with an exchange was found in \(folder)/strategies; name the connector with --exchange (e.g. --exchange binance)")
    }

    static func exchange(_ connector: String) -> Exchange? {
        switch connector.lowercased() {
        case "binance": .binance
        case "binance_perpetual": .binanceFutures
        case "bybit", "bybit_perpetual": .bybit
        case "okx", "okx_perpetual": .okx
        case "kraken": .kraken
        case "coinbase_advanced_trade": .coinbase
        default: nil
        }
    }
}
