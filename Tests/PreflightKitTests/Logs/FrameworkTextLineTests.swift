import Foundation
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

/// Each kind of line the framework readers recognise, on lines the frameworks wrote: freqtrade's from the real
/// runs in fixtures/frameworks/freqtrade/logs, hummingbot's from the format strings its README cites.
@Suite("Framework plain-text lines")
struct FrameworkTextLineTests {
    static let freqtradeLogs = PackagePaths.root + "/fixtures/frameworks/freqtrade/logs"

    /// The one event a line becomes, or nil when it is none; and the source's counts.
    func read(_ line: String, _ format: LogsSection.Format) throws -> (event: LogEvent?, source: LogSource) {
        let (scan, events) = try scanText(line + "\n", reader: LogReader(format: format))
        return (events.first, try #require(scan.sources.first))
    }

    @Test(arguments: [
        ("2026-12-01 11:32:50,576 - freqtrade.worker - INFO - Bot heartbeat. PID=24748, version='2026.9', state='RUNNING'", LogEventKind.heartbeat),
        ("2026-12-01 11:32:45,507 - freqtrade.worker - INFO - Changing state to: RUNNING", .startup),
        ("2026-12-01 11:32:45,574 - freqtrade.freqtradebot - INFO - Updating 0 open orders.", .reconcile),
        ("2026-12-01 11:32:50,694 - freqtrade.freqtradebot - INFO - Order 1001 was created for BTC/USDT and status is open.", .orderSubmit),
        ("2026-12-01 11:33:01,182 - freqtrade.freqtradebot - INFO - Buy order cancelled due to timeout for Trade(id=1, pair=BTC/USDT, amount=0, is_short=False, leverage=1, open_rate=49990, open_since=2026-12-01 11:32:50).", .orderCancel),
    ])
    func freqtradeLifecycleLines(_ line: String, _ kind: LogEventKind) throws {
        let (event, source) = try read(line, .freqtrade)
        #expect(event?.kind == kind)
        #expect(source.events == 1 && source.unrecognisedLines.isEmpty)
        if kind == .orderSubmit || kind == .orderCancel {
            // freqtrade writes the exchange's order id, never a client order id: absent, and not held against it.
            #expect(event?.clientOrderID == nil && event?.formatOmitsClientOrderID == true)
        }
    }

    @Test func freqtradeRetrierLineIsAFailedRequestNumberedFromItsCountdown() throws {
        let line = #"2026-12-01 11:43:15,740 - freqtrade.exchange.common - WARNING - fetch_order() returned exception: "Order not found (pair: BTC/USDT id: 1001). Message: binance {"code":-2013,"msg":"Order does not exist."}". Retrying still for 5 times."#
        let event = try #require(try read(line, .freqtrade).event)
        #expect(event.kind == .apiRequest)
        #expect(event.endpoint == "fetch_order" && event.method == "GET")
        #expect(event.errorCode == "-2013")
        // fetch_order is retried 5 times (API_FETCH_ORDER_RETRY_COUNT): 5 left means this was the first attempt.
        #expect(event.attempt == 1 && event.attemptFromCountdown && event.retryFollows)
        #expect(event.signed == true)
    }

    @Test func freqtradeGivingUpIsTheLastAttempt() throws {
        let line = #"2026-12-01 11:35:51,812 - freqtrade.exchange.common - WARNING - _load_async_markets() returned exception: "binance 429 Too Many Requests {"code":-1003,"msg":"Too much request weight used; current limit is 6000 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API."}". Giving up."#
        let event = try #require(try read(line, .freqtrade).event)
        #expect(event.status == 429 && event.errorCode == "-1003")
        #expect(event.attempt == FreqtradeLogLine.apiRetryCount + 1 && !event.retryFollows)
    }

    @Test func freqtradeTimeoutNamesTheURLPathAndTheCCXTClass() throws {
        let line = #"2026-12-01 11:37:40,067 - freqtrade.exchange.common - WARNING - _load_async_markets() returned exception: "Error in reload_markets due to RequestTimeout. Message: binance GET http://127.0.0.1:18080/sapi/v1/capital/config/getall?timestamp=1796125058039&recvWindow=10000&signature=<sig>". Retrying still for 3 times."#
        let event = try #require(try read(line, .freqtrade).event)
        #expect(event.endpoint == "/sapi/v1/capital/config/getall" && event.method == "GET")
        #expect(event.errorCode == "RequestTimeout" && event.signed == true)
        #expect(RequestFailureClass.classify(status: event.status, errorCode: event.errorCode, exchange: .binance) == .platform)
    }

    @Test func freqtradeFailedEntryIsAPlacementThatWasNotRetried() throws {
        let line = #"2026-12-01 11:32:46,797 - freqtrade.freqtradebot - WARNING - Unable to create trade for BTC/USDT: Could not place buy order due to InvalidNonce. Message: binance {"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}"#
        let event = try #require(try read(line, .freqtrade).event)
        #expect(event.kind == .apiRequest && event.isOrderPlacement)
        #expect(event.errorCode == "-1021" && event.attempt == 1 && !event.attemptFromCountdown)
    }

    @Test(arguments: [
        "2026-12-01 11:32:44,840 - freqtrade.exchange.exchange - INFO - Using Exchange \"Binance\"",
        "2026-12-01 11:32:45,295 - freqtrade.exchange.exchange - INFO - Time offset to Binance is -2ms.",
        "2026-12-01 11:32:45,634 - freqtrade.exchange.common - INFO - Applying DDosProtection backoff delay: 1",
        "2026-12-01 11:32:46,748 - freqtrade.freqtradebot - INFO - Long signal found: about create a new trade for BTC/USDT with stake_amount: 20 and price: 49990.0 ...",
        "2026-12-01 11:32:45,299 - freqtrade.strategy.hyper - INFO - Found no parameter file.",
        "Traceback (most recent call last):",
    ])
    func freqtradeNarrative(_ line: String) throws {
        let (event, source) = try read(line, .freqtrade)
        #expect(event == nil)
        #expect(source.narrativeLines == 1 && source.unrecognisedLines.isEmpty)
    }

    @Test func anUnknownTradingLineIsCountedWithAShortSampleWithoutItsQuery() throws {
        let line = "2026-12-01 11:32:45,295 - freqtrade.exchange.exchange - INFO - Fetched something new from http://host/api?signature=abcdef0123"
        let (event, source) = try read(line, .freqtrade)
        #expect(event == nil)
        #expect(source.unrecognisedLines.count == 1)
        let sample = try #require(source.unrecognisedLines.samples.first?.detail)
        #expect(sample.hasPrefix("freqtrade.exchange.exchange: Fetched something new"))
        #expect(!sample.contains("signature"))
    }

    @Test("every line of the real freqtrade runs is understood", arguments: [
        "live.log", "fetch-order-not-found.log", "markets-429.log", "clock-5s-off.log", "cancel-unknown-order.log",
        "exchange-never-answers.log",
    ])
    func realFreqtradeLogsAreUnderstood(_ name: String) throws {
        let (scan, _) = scan([Self.freqtradeLogs + "/" + name], reader: LogReader(format: .freqtrade))
        let source = try #require(scan.sources.first)
        #expect(source.unrecognisedLines.isEmpty, "\(source.unrecognisedLines.samples)")
        #expect(source.events + source.narrativeLines + source.blankLines == source.lines)
        #expect(scan.badInputCount == 0)
        #expect(source.requestCompleteness == .frameworkText)
    }

    @Test func theLiveRunsEventsAreThoseItsLinesSay() throws {
        let (scan, events) = scan([Self.freqtradeLogs + "/live.log"], reader: LogReader(format: .freqtrade))
        #expect(scan.count(.startup) == 1 && scan.count(.reconcile) == 1)
        #expect(scan.count(.orderSubmit) == 8 && scan.count(.orderCancel) == 7)
        #expect(scan.count(.heartbeat) == 4)
        let requests = events.filter { $0.kind == .apiRequest }
        #expect(requests.contains { $0.status == 429 && $0.errorCode == "-1003" })
        #expect(requests.contains { $0.errorCode == "-1021" && $0.isOrderPlacement })
    }

    // hummingbot: lines built from its format strings (fixtures/frameworks/hummingbot/README.md cites each).

    @Test func hummingbotOrderLinesCarryTheClientOrderID() throws {
        let created = "2026-11-21 14:02:13,899 - 48871 - hummingbot.connector.client_order_tracker - INFO - Created LIMIT BUY order x-MG43PCSNBBCUT6619102893f95b8a3 for 0.00200 BTC-USDT at 93718.50."
        let placed = try #require(try read(created, .hummingbot).event)
        #expect(placed.kind == .orderSubmit && placed.clientOrderID == "x-MG43PCSNBBCUT6619102893f95b8a3")
        let canceled = "2026-11-21 14:14:02,002 - 48871 - hummingbot.connector.client_order_tracker - INFO - Successfully canceled order x-MG43PCSNSBCUT661910f2a193f95b8a."
        let cancel = try #require(try read(canceled, .hummingbot).event)
        #expect(cancel.kind == .orderCancel && cancel.clientOrderID == "x-MG43PCSNSBCUT661910f2a193f95b8a")
    }

    @Test func hummingbotStreamLinesNameTheirDataSource() throws {
        let source = "hummingbot.connector.exchange.binance.binance_api_order_book_data_source.BinanceAPIOrderBookDataSource"
        let closed = try #require(try read("2026-11-21 14:07:44,020 - 48871 - \(source) - WARNING - The websocket connection was closed (The WS connection was closed unexpectedly. Close code = 1006 msg data: None)", .hummingbot).event)
        #expect(closed.kind == .wsDisconnect && closed.closeCode == 1006 && closed.stream == "BinanceAPIOrderBookDataSource")
        let retry = try #require(try read("2026-11-21 14:07:44,021 - 48871 - \(source) - ERROR - Unexpected error occurred when listening to order book streams. Retrying in 5 seconds...", .hummingbot).event)
        #expect(retry.kind == .wsReconnectAttempt && retry.stream == closed.stream)
        let connected = try #require(try read("2026-11-21 14:07:46,041 - 48871 - \(source) - INFO - Subscribed to public order book and trade channels...", .hummingbot).event)
        #expect(connected.kind == .wsConnect && connected.stream == closed.stream)
    }

    @Test func hummingbotRESTErrorIsAFailedRequest() throws {
        let line = #"2026-11-21 14:09:03,515 - 48871 - hummingbot.connector.exchange.binance.binance_exchange.BinanceExchange - WARNING - Error fetching status update for the active order x-MG43PCSNBBCUT6619102893f95b8a3: Error executing request GET https://api.binance.com/api/v3/order. HTTP status is 400. Error: {"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}."#
        let event = try #require(try read(line, .hummingbot).event)
        #expect(event.kind == .apiRequest && event.method == "GET" && event.endpoint == "/api/v3/order")
        #expect(event.status == 400 && event.errorCode == "-1021")
        #expect(event.clientOrderID == "x-MG43PCSNBBCUT6619102893f95b8a3")
    }

    @Test func hummingbotStartupAndItsFixtureAreUnderstood() throws {
        let started = try #require(try read("2026-11-21 14:02:11,402 - 48871 - hummingbot.core.trading_core - INFO - Strategy pure_market_making started successfully", .hummingbot).event)
        #expect(started.kind == .startup)
        let (scan, _) = scan([PackagePaths.root + "/fixtures/frameworks/hummingbot/logs_hummingbot.log"], reader: LogReader(format: .hummingbot))
        let source = try #require(scan.sources.first)
        #expect(source.unrecognisedLines.isEmpty, "\(source.unrecognisedLines.samples)")
        #expect(source.events + source.narrativeLines == source.lines)
    }

    @Test func aDatedLineWithoutTheHeaderIsBadInput() throws {
        let (event, source) = try read("2026-12-01 11:32:50,576 freqtrade.worker INFO no separators", .freqtrade)
        #expect(event == nil && source.badLines == 1)
    }
}
