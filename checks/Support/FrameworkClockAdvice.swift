/// Framework advice that A6 and E3 share: neither item can be met inside a framework that never logs its
/// clock offset, so both say what to do instead.
enum FrameworkClockAdvice {
    static let freqtrade = """
        freqtrade does not log the clock offset per request. Keep exchange.ccxt_config.options.adjustForTimeDifference \
        true, keep the host's NTP sync tight (A5), and alert on -1021 lines in freqtrade's log. To declare a \
        custom alert, write a preflight.yml with `preflight init --from-framework freqtrade` and set clock.offset_alert_ms.
        """
}
