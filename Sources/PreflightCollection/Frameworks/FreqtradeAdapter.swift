import Foundation
import PreflightModel

/// Derives a manifest from a freqtrade `config.json` and freqtrade's built-in behaviour
/// (docs/frameworks.md names the version it was read from).
public enum FreqtradeAdapter {
    static let framework = "freqtrade"

    public static func manifest(configPath: String) throws -> Manifest {
        let config = try ConfigDocument(path: configPath)
        let bot = try Self.bot(config, configPath: configPath)
        let exchange = bot.exchange.value
        // `freqtrade new-config` writes the key as exchange.api_key (templates/subtemplates/exchange_binance.j2);
        // exchange.py:414-416 reads api_key, then apiKey, then the deprecated key.
        var manifest = Manifest.derived(from: framework, config: config, bot: bot, logFormat: .freqtrade, secretKeyPaths: [
            "exchange.api_key", "exchange.apiKey", "exchange.key", "exchange.secret", "exchange.password", "exchange.uid",
            "telegram.token", "api_server.password", "api_server.jwt_secret_key", "api_server.ws_token",
        ])
        manifest.credentials = credentials(config)
        manifest.clock = clock(config, exchange: exchange)
        manifest.retry = retry()
        manifest.errors = errors(config)
        manifest.orders = orders(exchange)
        manifest.recovery = recovery()
        manifest.killSwitch = killSwitch(config)
        manifest.monitoring = monitoring(config)
        return manifest
    }

    private static func bot(_ config: ConfigDocument, configPath: String) throws -> BotSection {
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
        return bot
    }

    private static func credentials(_ config: ConfigDocument) -> CredentialsSection {
        var credentials = CredentialsSection()
        // freqtrade reads FREQTRADE__SECTION__KEY variables over config.json values.
        let keyName = config.has("exchange.key") && !config.has("exchange.api_key") ? "KEY" : "API_KEY"
        credentials.apiKeyEnv = Located("FREQTRADE__EXCHANGE__\(keyName)", at: builtIn(framework, "environment variables"))
        credentials.apiSecretEnv = Located("FREQTRADE__EXCHANGE__SECRET", at: builtIn(framework, "environment variables"))
        credentials.passphraseEnv = Located("FREQTRADE__EXCHANGE__PASSWORD", at: builtIn(framework, "environment variables"))
        return credentials
    }

    private static func clock(_ config: ConfigDocument, exchange: Exchange) -> ClockSection {
        var clock = ClockSection()
        for prefix in ["exchange.ccxt_config", "exchange.ccxt_async_config"] {
            if let window = config.int("\(prefix).options.recvWindow") { clock.recvWindowMs = window }
        }
        // ccxt/binance.py:1422 options['recvWindow'] = 10000, which freqtrade leaves alone.
        if clock.recvWindowMs == nil, exchange == .binance || exchange == .binanceFutures {
            clock.recvWindowMs = Located(10_000, at: builtIn(framework, "ccxt binance recvWindow default 10000 ms"))
        }
        clock.logsOffset = Located(false, at: builtIn(framework, "no per-request clock offset in its logs"))
        return clock
    }

    private static func retry() -> RetrySection {
        // exchange/common.py:35-36: calls are retried API_RETRY_COUNT = 4 times, fetch_order
        // API_FETCH_ORDER_RETRY_COUNT = 5 times: the most any call makes is 6 attempts.
        let retries = FreqtradeLogLine.fetchOrderRetryCount
        var retry = RetrySection()
        retry.maxAttempts = Located(retries + 1, at: builtIn(framework, "API_FETCH_ORDER_RETRY_COUNT = \(retries)"))
        retry.respectRetryAfter = Located(false, at: builtIn(framework, "retrier ignores Retry-After"))
        // common.py:113-120 calculate_backoff = n² + 1 s (1, 2, 5, 10, 17 s), only for DDosProtection (HTTP 418/429)
        // and order-not-found; every other temporary error is retried at once.
        var backoff = Backoff()
        backoff.kind = Located(.quadratic, at: builtIn(framework, "calculate_backoff = n² + 1 s, on DDoS errors only"))
        backoff.baseMs = Located(1000, at: builtIn(framework, "calculate_backoff first delay 1 s"))
        backoff.maxMs = Located(((retries - 1) * (retries - 1) + 1) * 1000, at: builtIn(framework, "calculate_backoff last delay"))
        backoff.jitter = Located(.none, at: builtIn(framework, "calculate_backoff has no jitter"))
        retry.backoff = backoff
        return retry
    }

    private static func errors(_ config: ConfigDocument) -> ErrorHandlingSection {
        var errors = ErrorHandlingSection()
        let rateLimited = config.bool("exchange.ccxt_config.enableRateLimit") ?? config.bool("exchange.ccxt_async_config.enableRateLimit")
        errors.rateLimit = rateLimited.map { Located($0.value ? .backoff : .retry, at: $0.location) }
            ?? Located(.backoff, at: builtIn(framework, "ccxt enableRateLimit default true"))
        // Temporary errors are retried, then raised to the caller: no escalation record is written.
        errors.platform = Located(.retry, at: builtIn(framework, "retrier gives up without escalating"))
        return errors
    }

    private static func orders(_ exchange: Exchange) -> OrdersSection {
        // freqtrade passes no client order id (exchange.py:1498-1550). ccxt stamps one on binance, okx and coinbase
        // placements (ccxt/binance.py:7076-7089: x-TKT5PX2F + 22 hex), none on bybit or kraken; and freqtrade
        // cancels by the exchange's order id (exchange.py:1852), so cancellations never carry one.
        let stamped = [.binance, .binanceFutures, .okx, .coinbase].contains(exchange)
        var orders = OrdersSection()
        orders.clientOrderIDs = Located(false, at: builtIn(framework, stamped
            ? "ccxt stamps placements, but cancels go by the exchange's order id"
            : "no client order id on placements or cancels"))
        // create_order is not retried (no @retrier); a failed entry is placed again by a later loop, under a new id.
        orders.reuseIDOnRetry = Located(false, at: builtIn(framework, "a failed entry is placed again under a new id"))
        orders.onUnknownOutcome = Located(.resendNewID, at: builtIn(framework, "a timed-out create_order is dropped and placed again"))
        return orders
    }

    private static func recovery() -> RecoverySection {
        var recovery = RecoverySection()
        recovery.reconcileOnStart = Located([.openOrders], at: builtIn(framework, "open orders refreshed at startup"))
        recovery.blockOrdersUntilReconciled = Located(true, at: builtIn(framework, "startup runs before the first trade loop"))
        return recovery
    }

    /// Telegram's /stop, else the api_server's stop endpoint; nil when neither is enabled.
    private static func killSwitch(_ config: ConfigDocument) -> KillSwitchSection? {
        var killSwitch = KillSwitchSection(location: builtIn(framework, "telegram / api_server"))
        if config.bool("telegram.enabled")?.value == true {
            killSwitch.kind = Located(.chatCommand, at: config.location("telegram.enabled"))
            killSwitch.target = Located("/stop", at: builtIn(framework, "telegram /stop"))
            return killSwitch
        }
        if config.bool("api_server.enabled")?.value == true {
            killSwitch.kind = Located(.adminEndpoint, at: config.location("api_server.enabled"))
            killSwitch.target = Located(apiServerURL(config) + "/api/v1/stop", at: config.location("api_server.listen_port"))
            return killSwitch
        }
        return nil
    }

    private static func monitoring(_ config: ConfigDocument) -> MonitoringSection {
        var monitoring = MonitoringSection()
        if config.bool("api_server.enabled")?.value == true {
            monitoring.healthEndpoint = Located(apiServerURL(config) + "/api/v1/ping", at: config.location("api_server.listen_port"))
        }
        monitoring.heartbeatIntervalSeconds = config.int("internals.heartbeat_interval")
            ?? Located(60, at: builtIn(framework, "internals.heartbeat_interval default 60 s"))
        if monitoring.heartbeatIntervalSeconds?.value == 0 { monitoring.heartbeatIntervalSeconds = nil }
        return monitoring
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
