import PreflightModel

/// freqtrade 2026.9's log messages, read from its source (paths under site-packages/freqtrade; docs/frameworks.md
/// lists them): the few that are events, the narrative around them, and nothing else.
enum FreqtradeLogLine {
    /// freqtrade/exchange/common.py:35-36: every wrapped call is retried API_RETRY_COUNT times, fetch_order
    /// API_FETCH_ORDER_RETRY_COUNT times.
    static let apiRetryCount = 4
    static let fetchOrderRetryCount = 5

    /// Loggers whose every line is configuration, strategy loading or notification chatter.
    static let narrativeLoggers = [
        "freqtrade.configuration", "freqtrade.resolvers", "freqtrade.plugins", "freqtrade.rpc", "freqtrade.loggers",
        "freqtrade.strategy", "freqtrade.util", "freqtrade.commands", "freqtrade.persistence", "freqtrade.data",
        "freqtrade.exchange.check_exchange", "numexpr",
    ]

    /// Messages of the trading loggers (freqtrade, freqtradebot, worker, wallets, exchange) that are no event.
    static let narrativePrefixes = [
        "freqtrade 20", "Starting worker", "SIGINT received", "Fatal exception", "Configuration error",  // main.py, worker.py:35
        "Long signal found", "Short signal found", "Position adjust:", "Replacing ", "User denied",  // freqtradebot.py:1097-1125
        "Exit for ", "DCA order", "Found open order for", "Orderid for trade", "Unable to fetch order",  // :1589, :1245, :2525-2536
        "Buy order fully cancelled", "Sell order fully cancelled", "Buy Order timeout", "Sell Order timeout",  // :2112-2117
        "Partial ", "A similar open order", "Emergency exiting", "Could not cancel ", "Cannot query order",  // :2123, :2024, :1820, :2179, :1783
        "Can't query order", "Starting initial pairlist refresh", "Initial Pairlist refresh took",  // :1987, :156-158
        "Cleaning up modules", "Strategy analysis took", "Unable to place", "Exiting the trade forcefully",  // :233, :207, :1621-1627
        "Cancelling", "Skipping cancelling", "Changing state", "Error: ", "OperationalException. Stopping",  // :1751, :1270, worker.py:96, :201, :211
        "Throttling with", "Wallets synced", "Instance is running with dry_run", "Using CCXT",  // worker.py:181, wallets.py:263, exchange.py:263-264
        "Applying additional ccxt config", "Using Exchange", "Time offset to", "Your system time deviates",  // exchange.py:428, :302, :535-542
        "Could not load markets", "Markets were not loaded", "Async code raised an exception",  // exchange.py:753-806, :482, :3018
        "Could not fetch cancelled", "stoploss ", "Converted order", "Couldn't reuse watch", "Time jump detected",  // :1899, :1700, :1253, :2779, :2822
        "Applying DDosProtection backoff delay", "Kucoin 429 error",  // common.py:148/192, :139
        "Resetting exchange WS", "Cleaning up exchange WS", "Removing ", "Removal done", "Websocket loop",  // exchange_ws.py:77-154
        "Timed out while resetting", "Exception while resetting", "Exception in ", "Unhandled exception in watch",  // exchange_ws.py:90-258
    ]

    /// ft_cancel_reason values (freqtrade/constants.py:209-220) as `<Side> order <reason> for Trade(` writes them.
    static let cancelReasons = [
        "cancelled due to timeout", "partially filled - keeping order open", "partially filled", "fully cancelled",
        "cancelled (all unfilled and partially filled open orders cancelled)", "cancelled on exchange", "forcesold",
        "cancelled to be replaced by new limit order", "failed to replace order, deleting Trade", "user requested order cancel",
    ]

    static func read(_ record: FrameworkTextLine.Record, into event: inout LogEvent) -> FrameworkTextLine.Meaning {
        let message = record.message
        // worker.py:139 `Bot heartbeat. PID={pid}, version='{version}', state='{state}'`
        if message.hasPrefix("Bot heartbeat. PID=") { return .event(.heartbeat) }
        // worker.py:96 `Changing state[ from {old}] to: {new}`; startup() (the open-order refresh) follows RUNNING.
        if message.hasPrefix("Changing state"), message.hasSuffix("to: RUNNING") { return .event(.startup) }
        // freqtradebot.py:580 `Updating {n} open orders.`, each fetched from the exchange by its order id.
        if message.hasPrefix("Updating "), message.hasSuffix(" open orders.") { return .event(.reconcile) }
        // freqtradebot.py:1146 `Order {order_id} was created for {pair} and status is {status}.` (the exchange's id)
        if message.hasPrefix("Order "), message.contains(" was created for ") {
            event.formatOmitsClientOrderID = true
            return .event(.orderSubmit)
        }
        if isCancellation(message) {
            event.formatOmitsClientOrderID = true
            return .event(.orderCancel)
        }
        if let meaning = retrier(message, into: &event) { return meaning }
        // freqtradebot.py:845 `Unable to create trade for {pair}: {exception}`: create_order failed and is not
        // retried (exchange.py:1498 has no @retrier).
        if message.hasPrefix("Unable to create trade for ") {
            failedRequest(CCXTErrorText(message), function: "create_order", into: &event)
            event.attempt = 1
            event.formatOmitsClientOrderID = true
            return .event(.apiRequest)
        }
        if narrativePrefixes.contains(where: { message.hasPrefix($0) }) { return .narrative }
        if message.hasPrefix("Order "), message.hasSuffix(" not cancelled.") { return .narrative }  // freqtradebot.py:2093
        if record.logger == "freqtrade" || narrativeLoggers.contains(where: { record.logger.hasPrefix($0) }) {
            return .narrative
        }
        return .unrecognised
    }

    /// freqtradebot.py:2101 and :2198: `{Side} order {reason} for {trade}.`
    private static func isCancellation(_ message: Substring) -> Bool {
        guard message.hasPrefix("Buy order ") || message.hasPrefix("Sell order ") else { return false }
        let rest = message.drop { $0 != " " }.dropFirst(" order ".count)
        return cancelReasons.contains { rest.hasPrefix($0 + " for Trade(") }
    }

    /// common.py:184-196 (and :130-154 for the async retrier): `{f}() returned exception: "{ex}". Retrying still
    /// for {count} times.`, `count` the retries left before this one, or `... ". Giving up.` after the last.
    private static func retrier(_ message: Substring, into event: inout LogEvent) -> FrameworkTextLine.Meaning? {
        guard let call = message.range(of: #"() returned exception: ""#) else { return nil }
        let body = message[call.upperBound...]
        let left: Int
        let exception: Substring
        if let retrying = body.range(of: #"". Retrying still for "#, options: .backwards) {
            guard let count = Int(body[retrying.upperBound...].prefix { $0.isNumber }) else { return nil }
            left = count
            exception = body[..<retrying.lowerBound]
        } else if body.hasSuffix(#"". Giving up."#) {
            left = 0
            exception = body.dropLast(#"". Giving up."#.count)
        } else {
            return nil
        }
        let function = String(message[..<call.lowerBound].split(separator: " ").last ?? "")
        failedRequest(CCXTErrorText(exception), function: function, into: &event)
        let retries = function == "fetch_order" ? fetchOrderRetryCount : apiRetryCount
        event.attempt = max(1, retries + 1 - left)
        event.attemptFromCountdown = true
        event.retryFollows = left > 0
        return .event(.apiRequest)
    }

    /// The failed call as an api_request: the URL's path when the exception names one, else the function.
    private static func failedRequest(_ error: CCXTErrorText, function: String, into event: inout LogEvent) {
        event.endpoint = error.path ?? function
        event.method = error.method ?? method(of: function)
        event.status = error.status
        event.errorCode = error.errorCode
        // Orders and account calls are signed; so is anything whose URL carried a signature.
        if error.signed || ["create_order", "fetch_order", "cancel_order", "get_balances"].contains(function) {
            event.signed = true
        }
    }

    /// ccxt's verbs: fetch and get read, cancel deletes, create posts.
    private static func method(of function: String) -> String? {
        if function.hasPrefix("fetch_") || function.hasPrefix("get_") || function.hasPrefix("_async_get")
            || function.hasPrefix("_async_fetch") || function.hasPrefix("_load") { return "GET" }
        if function.hasPrefix("cancel_") { return "DELETE" }
        if function.hasPrefix("create_") { return "POST" }
        return nil
    }
}
