import PreflightModel

/// hummingbot's log messages (paths in the 20260922 source, `hummingbot/VERSION` dev-2.18.0; docs/frameworks.md
/// lists them): the few that are events, the narrative around them, and nothing else.
enum HummingbotLogLine {
    /// Loggers whose every line is the client, strategies or notifications talking.
    static let narrativeLoggers = [
        "hummingbot.client", "hummingbot.strategy", "hummingbot.model", "hummingbot.notifier", "hummingbot.remote_iface",
        "hummingbot.core.utils", "hummingbot.core.event", "hummingbot.data_feed", "hummingbot.user",
    ]

    static let narrativePrefixes = [
        "The BUY order ", "The SELL order ", "BUY order ", "SELL order ",  // client_order_tracker.py:409-433 (fills)
        "The order ", "The lost order ", "Failed to cancel",  // client_order_tracker.py:237-286, exchange_py_base.py:544-553
        "Subscribed to ", "Unsubscribed from ", "Cannot subscribe", "Cannot unsubscribe",  // binance_api_order_book_data_source.py:154-226
        "Initialized order book for", "Unexpected error routing order book", "Unexpected error tracking order book",  // order_book_tracker.py:399-673
        "Unknown error. Retrying after", "Network status has changed to", "Unexpected error while checking for network",  // :631, network_iterator.pyx:98-111
        "Creating the clock", "Canceling dangling limit orders", "Clock started successfully", "Markets recorder initialized",  // trading_core.py:177-360
        "Strategy stopped successfully", "Trading core shutdown complete", "API rate limit on ",  // trading_core.py:597-841, async_throttler.py:39-46
        "Error getting server time", "Error requesting time from", "Unexpected error while updating the time synchronizer",  // time_synchronizer.py:74, exchange_py_base.py:848-866
        "Unexpected error when processing", "Unexpected error fetching order book snapshot",  // order_book_tracker_data_source.py:113-164
        "Unexpected error while fetching", "Unexpected error cancelling orders", "Error while reading user events queue",  // exchange_py_base.py:392-879
        "Failed to update balances", "Failed to fetch trade updates", "There was an error requesting exchange info",  // exchange_py_base.py:987-1116
        "Unexpected error in user stream listener loop", "Unexpected error subscribing to user data stream",  // binance_exchange.py:352, binance_api_user_stream_data_source.py:63
        "Unexpected error occurred subscribing to order book", "Error submitting ", "Failed to submit ",  // binance_api_order_book_data_source.py:101, exchange_py_base.py:511-516
    ]

    static func read(_ record: FrameworkTextLine.Record, into event: inout LogEvent) -> FrameworkTextLine.Meaning {
        let message = record.message
        let stream = record.logger.split(separator: ".").last.map(String.init)
        // client_order_tracker.py:393-398 with in_flight_order.py:387-401:
        // `Created {type} {side} order {client_order_id} for {amount} {pair} at {price}.`
        if message.hasPrefix("Created "), let id = word(after: " order ", in: message) {
            event.clientOrderID = id
            return .event(.orderSubmit)
        }
        // client_order_tracker.py:429 `Successfully canceled order {client_order_id}.`
        if message.hasPrefix("Successfully canceled order ") {
            event.clientOrderID = String(message.dropFirst("Successfully canceled order ".count).prefix { $0 != "." && $0 != " " })
            return .event(.orderCancel)
        }
        // order_book_tracker_data_source.py:86, user_stream_tracker_data_source.py:52:
        // `The websocket connection was closed ({exception})`; ws_connection.py:115-117 puts the close code in it.
        if message.hasPrefix("The websocket connection was closed") {
            event.stream = stream
            if let code = message.range(of: "Close code = ") {
                event.closeCode = Int(message[code.upperBound...].prefix { $0.isNumber })
            }
            return .event(.wsDisconnect)
        }
        // order_book_tracker_data_source.py:88-90, user_stream_tracker_data_source.py:54: the listener's loop
        // says it retries (and then waits 1 s, whatever the text says).
        if message.hasPrefix("Unexpected error occurred when listening to order book streams. Retrying")
            || message.hasPrefix("Unexpected error while listening to user stream. Retrying") {
            event.stream = stream
            return .event(.wsReconnectAttempt)
        }
        // binance_api_order_book_data_source.py:97, binance_api_user_stream_data_source.py:59
        if message.hasPrefix("Subscribed to public order book and trade channels")
            || message.hasPrefix("Successfully subscribed to user data stream") {
            event.stream = stream
            return .event(.wsConnect)
        }
        // trading_core.py:490 `Strategy {strategy_name} started successfully`
        if message.hasPrefix("Strategy "), message.hasSuffix(" started successfully") { return .event(.startup) }
        if let failure = restError(message, into: &event) { return failure }
        if narrativePrefixes.contains(where: { message.hasPrefix($0) }) { return .narrative }
        if narrativeLoggers.contains(where: { record.logger.hasPrefix($0) }) { return .narrative }
        return .unrecognised
    }

    /// rest_assistant.py:97-102, inside the message of whatever caught it: `Error executing request {METHOD} {url}.
    /// HTTP status is {status}. Error: {body}` (the url carries no query).
    private static func restError(_ message: Substring, into event: inout LogEvent) -> FrameworkTextLine.Meaning? {
        guard let start = message.range(of: "Error executing request ") else { return nil }
        let rest = message[start.upperBound...]
        let parts = rest.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2 else { return nil }
        event.method = String(parts[0])
        let url = parts[1].hasSuffix(".") ? parts[1].dropLast() : parts[1]
        if let scheme = url.range(of: "://") {
            let afterHost = url[scheme.upperBound...]
            event.endpoint = String(afterHost[(afterHost.firstIndex(of: "/") ?? afterHost.endIndex)...])
        }
        if let status = rest.range(of: "HTTP status is ") {
            event.status = Int(rest[status.upperBound...].prefix { $0.isNumber })
        }
        if let code = rest.range(of: #""code":"#) {
            let digits = rest[code.upperBound...].prefix { $0 == "-" || $0.isNumber }
            if !digits.isEmpty { event.errorCode = String(digits) }
        }
        // `... for the active order {client_order_id}: Error executing ...` (exchange_py_base.py:1018-1020)
        if let id = word(after: " order ", in: message[..<start.lowerBound]) {
            event.clientOrderID = id.hasSuffix(":") ? String(id.dropLast()) : id
        }
        return .event(.apiRequest)
    }

    private static func word(after marker: String, in text: Substring) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        let word = text[range.upperBound...].prefix { $0 != " " }
        return word.isEmpty ? nil : String(word)
    }
}
