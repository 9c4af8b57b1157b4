/// What to do about a finding when the bot runs on a framework: the framework's own settings, or
/// what cannot be configured and must be accepted (as a suppression) or worked around.
/// Replaces the generic remediation, which names preflight.yml keys a framework user does not have.
enum FrameworkAdvice {
    static func remediation(framework: String, item id: String) -> String? {
        switch (framework, id) {
        case ("freqtrade", "A1"):
            return """
                Keep secrets out of config.json: remove exchange.api_key/secret (and telegram.token, api_server.password, \
                api_server.jwt_secret_key) from the file, pass them as FREQTRADE__EXCHANGE__API_KEY, \
                FREQTRADE__EXCHANGE__SECRET, FREQTRADE__TELEGRAM__TOKEN… in the bot's environment, and rotate every \
                key that was written in the file. On the exchange, give the key reading and spot trading only.
                """
        case ("freqtrade", "A6"), ("freqtrade", "E3"):
            return """
                freqtrade does not log the clock offset per request. Keep exchange.ccxt_config.options.adjustForTimeDifference \
                true, keep the host's NTP sync tight (A5), and alert on -1021 lines in freqtrade's log. To declare a \
                custom alert, write a preflight.yml with `preflight init --from-framework freqtrade` and set clock.offset_alert_ms.
                """
        case ("freqtrade", "B2"):
            return """
                freqtrade's retrier waits n²+1 s after an HTTP 429 or 418 (and retries a -1003 sent with another status \
                at once) and ignores Retry-After; this is built in. Keep \
                exchange.ccxt_config.enableRateLimit true and rateLimit at or above the exchange's budget (Binance: 200 ms) \
                so 429s stay rare, and record the accepted risk as a suppression for B2 with an owner and expiry.
                """
        case ("freqtrade", "B3"):
            return """
                freqtrade makes every API call up to 5 times (API_RETRY_COUNT = 4), fetch_order up to 6 \
                (API_FETCH_ORDER_RETRY_COUNT = 5), and config.json cannot change it: \
                keep enableRateLimit on so retries are rare, and record the accepted risk as a suppression for B3 with an \
                owner and expiry.
                """
        case ("freqtrade", "B4"):
            return """
                freqtrade's backoff (n²+1 s on rate-limit errors only, no jitter) is built in: run each bot on its own key \
                so retries of several bots do not align, and record the accepted risk as a suppression for B4.
                """
        case ("freqtrade", "D2"):
            return """
                freqtrade passes no client order id of its own: on binance, okx and coinbase ccxt stamps each placement \
                with a generated one, but freqtrade cancels by the exchange's order id, and a failed entry is placed again \
                by a later loop under a new id. config.json cannot change this: keep unfilledtimeout short, check open \
                orders on the exchange after any "Unable to create trade" line, and record the accepted risk as a \
                suppression for D2 with an owner and expiry.
                """
        case ("freqtrade", "C3"):
            return """
                freqtrade gives up on a temporary error after its retries without an escalation, and an entry whose \
                create_order timed out is dropped and placed again by a later loop without a status query: enable telegram \
                (telegram.enabled: true) with warning and exception notifications on, so a given-up call reaches a person, \
                and record the double-order risk as a suppression for C3 with an owner and expiry.
                """
        case ("freqtrade", "D5"):
            return """
                Exercise the kill switch (telegram /stop, or POST /api/v1/stop on the api_server) and record the day: \
                write a preflight.yml with `preflight init --from-framework freqtrade` and set kill_switch.last_exercised.
                """
        case ("hummingbot", "A1"):
            return """
                conf_client.yml holds telegram_mode.telegram_token and database or MQTT passwords in clear text: restrict \
                the file to the bot's user (chmod 600), keep it out of version control, and rotate any token the file \
                exposed. Connector keys stay encrypted in conf/connectors.
                """
        case ("hummingbot", "B5"):
            return """
                hummingbot's connectors reconnect a dropped stream after a fixed delay, with no growth or jitter, and no \
                setting changes it: run one bot per key and IP so a reconnect storm stays small, and record the accepted \
                risk as a suppression for B5 with an owner and expiry.
                """
        case ("hummingbot", "D5"):
            return """
                Exercise the kill switch (the stop command, or /stop over telegram) and record the day: write a \
                preflight.yml with `preflight init --from-framework hummingbot` and set kill_switch.last_exercised.
                """
        default:
            return nil
        }
    }
}
