import Foundation
import PreflightModel

/// Derives a manifest from a freqtrade `config.json` and freqtrade's built-in behaviour
/// (docs/frameworks.md names the version it was read from).
public enum FreqtradeAdapter {
    static let framework = "freqtrade"
    /// freqtrade/exchange/common.py: API_RETRY_COUNT = 4, so every call is made at most 5 times.
    static let apiRetryCount = 4

    public static func manifest(configPath: String) throws -> Manifest {
        let config = try ConfigDocument(path: configPath)
        guard let exchangeName = config.string("exchange.name") else {
            throw ManifestError([ManifestProblem(file: configPath, keyPath: "exchange.name", message: "missing: a freqtrade config names its exchange")])
        }
        let tradingMode = config.string("trading_mode")?.value ?? "spot"
        guard let exchange = Self.exchange(exchangeName.value, tradingMode: tradingMode) else {
            throw ManifestError([ManifestProblem(
                file: configPath, line: exchangeName.location.line, column: exchangeName.location.column, keyPath: "exchange.name",
                message: "freqtrade exchange '\(exchangeName.value)' is not one preflight audits (binance, binanceusdm, bybit, okx, kraken)"
            )])
        }
        let name = config.string("bot_name") ?? Located("freqtrade", at: builtIn(framework, "bot_name default"))
        var bot = BotSection(name: name, exchange: Located(exchange, at: exchangeName.location))
        if let dryRun = config.bool("dry_run"), dryRun.value {
            bot.mode = Located(.readOnly, at: dryRun.location)
        }
        let market: BotSection.Market = tradingMode == "futures" ? .futures : tradingMode == "margin" ? .margin : .spot
        bot.markets = Located([market], at: config.has("trading_mode") ? config.location("trading_mode") : builtIn(framework, "trading_mode default spot"))

        var manifest = Manifest(path: configPath, bot: bot)
        manifest.derivedFrom = framework
        var logs = LogsSection()
        logs.format = Located(.freqtrade, at: builtIn(framework, "plain-text log format"))
        manifest.logs = logs
        manifest.inlineSecrets = config.secrets([
            "exchange.key", "exchange.secret", "exchange.password", "exchange.uid", "telegram.token",
            "api_server.password", "api_server.jwt_secret_key", "api_server.ws_token",
        ])

        var credentials = CredentialsSection()
        // freqtrade reads FREQTRADE__SECTION__KEY variables over config.json values.
        credentials.apiKeyEnv = Located("FREQTRADE__EXCHANGE__KEY", at: builtIn(framework, "environment variables"))
        credentials.apiSecretEnv = Located("FREQTRADE__EXCHANGE__SECRET", at: builtIn(framework, "environment variables"))
        credentials.passphraseEnv = Located("FREQTRADE__EXCHANGE__PASSWORD", at: builtIn(framework, "environment variables"))
        manifest.credentials = credentials

        var clock = ClockSection()
        for prefix in ["exchange.ccxt_config", "exchange.ccxt_async_config"] {
            if let window = config.int("\(prefix).options.recvWindow") { clock.recvWindowMs = window }
        }
        clock.logsOffset = Located(false, at: builtIn(framework, "no per-request clock offset in its logs"))
        manifest.clock = clock

        var retry = RetrySection()
        retry.maxAttempts = Located(apiRetryCount + 1, at: builtIn(framework, "API_RETRY_COUNT = \(apiRetryCount)"))
        retry.respectRetryAfter = Located(false, at: builtIn(framework, "retrier ignores Retry-After"))
        var backoff = Backoff()
        backoff.kind = Located(.quadratic, at: builtIn(framework, "calculate_backoff = n² + 1 s, on DDoS errors only"))
        backoff.baseMs = Located(1000, at: builtIn(framework, "calculate_backoff first delay 1 s"))
        backoff.maxMs = Located(((apiRetryCount - 1) * (apiRetryCount - 1) + 1) * 1000, at: builtIn(framework, "calculate_backoff last delay"))
        backoff.jitter = Located(.none, at: builtIn(framework, "calculate_backoff has no jitter"))
        retry.backoff = backoff
        manifest.retry = retry

        var errors = ErrorHandlingSection()
        let rateLimited = config.bool("exchange.ccxt_config.enableRateLimit") ?? config.bool("exchange.ccxt_async_config.enableRateLimit")
        errors.rateLimit = rateLimited.map { Located($0.value ? .backoff : .retry, at: $0.location) }
            ?? Located(.backoff, at: builtIn(framework, "ccxt enableRateLimit default true"))
        // Temporary errors are retried, then raised to the caller: no escalation record is written.
        errors.platform = Located(.retry, at: builtIn(framework, "retrier gives up without escalating"))
        manifest.errors = errors

        var orders = OrdersSection()
        orders.clientOrderIds = Located(false, at: builtIn(framework, "create_order sends no client order id"))
        orders.reuseIdOnRetry = Located(false, at: builtIn(framework, "create_order sends no client order id"))
        orders.onUnknownOutcome = Located(.abandon, at: builtIn(framework, "create_order is not retried"))
        manifest.orders = orders

        var recovery = RecoverySection()
        recovery.reconcileOnStart = Located([.openOrders], at: builtIn(framework, "open orders refreshed at startup"))
        recovery.blockOrdersUntilReconciled = Located(true, at: builtIn(framework, "startup runs before the first trade loop"))
        manifest.recovery = recovery

        var killSwitch = KillSwitchSection(location: builtIn(framework, "telegram / api_server"))
        if config.bool("telegram.enabled")?.value == true {
            killSwitch.kind = Located(.chatCommand, at: config.location("telegram.enabled"))
            killSwitch.target = Located("/stop", at: builtIn(framework, "telegram /stop"))
            manifest.killSwitch = killSwitch
        } else if config.bool("api_server.enabled")?.value == true {
            killSwitch.kind = Located(.adminEndpoint, at: config.location("api_server.enabled"))
            killSwitch.target = Located(apiServerURL(config) + "/api/v1/stop", at: config.location("api_server.listen_port"))
            manifest.killSwitch = killSwitch
        }

        var monitoring = MonitoringSection()
        if config.bool("api_server.enabled")?.value == true {
            monitoring.healthEndpoint = Located(apiServerURL(config) + "/api/v1/ping", at: config.location("api_server.listen_port"))
        }
        monitoring.heartbeatIntervalSeconds = config.int("internals.heartbeat_interval")
            ?? Located(60, at: builtIn(framework, "internals.heartbeat_interval default 60 s"))
        if monitoring.heartbeatIntervalSeconds?.value == 0 { monitoring.heartbeatIntervalSeconds = nil }
        manifest.monitoring = monitoring
        return manifest
    }

    static func apiServerURL(_ config: ConfigDocument) -> String {
        let host = config.string("api_server.listen_ip_address")?.value ?? "127.0.0.1"
        let port = config.int("api_server.listen_port")?.value ?? 8080
        return "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)"
    }

    static func exchange(_ name: String, tradingMode: String) -> Exchange? {
        switch name.lowercased() {
        case "binance": tradingMode == "futures" ? .binanceFutures : .binance
        case "binanceusdm": .binanceFutures
        case "bybit": .bybit
        case "okx", "myokx": .okx
        case "kraken": .kraken
        case "coinbase", "coinbaseadvanced": .coinbase
        default: nil
        }
    }
}
