import Foundation
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

@Suite("Lifecycle facts: restarts, client order ids, kill switch, breakers, heartbeats")
struct LifecycleFactsTests {
    @Test func onlyTheFirstOrderAfterEachStartupIsJudgedAgainstItsReconcile() throws {
        let logs = try collectStreamAndLifecycleLogs([
            // Orders before the first startup in the sample are not judged (the log began mid-run).
            logRecord("09:59:00.000", #""event":"order_submit","client_order_id":"x-0""#),
            logRecord("10:00:00.000", #""event":"startup""#),
            logRecord("10:00:01.000", #""event":"reconcile""#),
            logRecord("10:00:02.000", #""event":"order_submit","client_order_id":"x-1""#),
            logRecord("11:00:00.000", #""event":"startup""#),
            logRecord("11:00:01.000", #""event":"order_submit","client_order_id":"x-2""#),
            logRecord("11:00:02.000", #""event":"reconcile""#),
            logRecord("11:00:03.000", #""event":"order_submit","client_order_id":"x-3""#),
            logRecord("12:00:00.000", #""event":"startup""#),
        ]).lifecycle
        #expect(logs.startups == 3)
        #expect(logs.reconciles == 2)
        #expect(logs.startupsReconciledFirst == 1)
        #expect(logs.ordersBeforeReconcile.count == 1)
        #expect(logs.ordersBeforeReconcile.samples.first?.location.line == 6)
    }

    @Test func idsTellRetriesFromDistinctOrdersAndRestartsApart() throws {
        let logs = try collectStreamAndLifecycleLogs([
            logRecord("10:00:00.000", #""event":"order_submit","newClientOrderId":"a","attempt":1"#),
            logRecord("10:00:01.000", #""event":"order_submit","newClientOrderId":"a","attempt":2"#),
            logRecord("10:00:02.000", #""event":"order_submit","newClientOrderId":"b","attempt":2"#),
            logRecord("10:00:03.000", #""event":"order_submit","newClientOrderId":"a""#),
            logRecord("10:00:04.000", #""event":"order_submit""#),
            logRecord("10:00:05.000", #""event":"order_cancel","origClientOrderId":"a""#),
            logRecord("10:00:06.000", #""event":"order_cancel""#),
            logRecord("10:01:00.000", #""event":"startup""#),
            logRecord("10:01:01.000", #""event":"order_submit","newClientOrderId":"b""#),
        ]).lifecycle
        let ids = logs.orderRecordIDs
        #expect(ids.placements == 6)
        #expect(ids.cancellations == 2)
        #expect(ids.retriesReusingID == 1)
        #expect(ids.retriesWithNewID.samples.map(\.location.line) == [3])
        #expect(ids.sharedIDs.samples.map(\.detail) == ["id a already used by the order at line 1"])
        #expect(ids.placementsWithoutID.samples.map(\.location.line) == [5])
        #expect(ids.cancellationsWithoutID.samples.map(\.location.line) == [7])
        #expect(logs.resubmittedAfterRestart.samples.map(\.location.line) == [9])
    }

    @Test func withoutOrderRecordsThePlacementRequestsCarryTheIDs() throws {
        let post = #""event":"api_request","method":"POST","endpoint":"/api/v3/order""#
        let logs = try collectStreamAndLifecycleLogs([
            logRecord("10:00:00.000", #"\#(post),"client_order_id":"a","status":503"#),
            // An unnumbered attempt with the same id after a failure is a retry.
            logRecord("10:00:01.000", #"\#(post),"client_order_id":"a","status":200"#),
            // Once the exchange accepted it, the same id again is another order.
            logRecord("10:00:02.000", #"\#(post),"client_order_id":"a","status":200"#),
            logRecord("10:00:03.000", #"\#(post),"client_order_id":"c","attempt":2,"status":200"#),
            // Neither a placement nor a cancellation: queries, lists, other endpoints.
            logRecord("10:00:04.000", #""event":"api_request","method":"GET","endpoint":"/api/v3/order","client_order_id":"z""#),
            logRecord("10:00:05.000", #""event":"api_request","method":"GET","endpoint":"/api/v3/openOrders""#),
            logRecord("10:00:06.000", #""event":"api_request","method":"POST","endpoint":"/api/v3/userDataStream""#),
            logRecord("10:00:07.000", #""event":"api_request","method":"DELETE","endpoint":"/api/v3/order""#),
            logRecord("10:00:08.000", #""event":"api_request","method":"POST","endpoint":"/v5/order/cancel","orderLinkId":"c""#),
        ]).lifecycle
        #expect(logs.ordersFromRequests)
        let ids = logs.orderRequestIDs
        #expect(ids.placements == 4)
        #expect(ids.cancellations == 2)
        #expect(ids.retriesReusingID == 1)
        #expect(ids.sharedIDs.samples.map(\.location.line) == [3])
        #expect(ids.retriesWithNewID.samples.map(\.location.line) == [4])
        #expect(ids.cancellationsWithoutID.samples.map(\.location.line) == [8])
    }

    @Test func withoutOrderRecordsThePlacementRequestsAreTheFirstOrders() throws {
        let post = #""event":"api_request","method":"POST","endpoint":"/api/v3/order""#
        let logs = try collectStreamAndLifecycleLogs([
            logRecord("10:00:00.000", #""event":"startup""#),
            // A query is no order; the placement after it comes before any reconcile.
            logRecord("10:00:01.000", #""event":"api_request","method":"GET","endpoint":"/api/v3/openOrders""#),
            logRecord("10:00:02.000", #"\#(post),"client_order_id":"a","status":200"#),
            logRecord("11:00:00.000", #""event":"startup""#),
            logRecord("11:00:01.000", #""event":"reconcile""#),
            logRecord("11:00:02.000", #"\#(post),"client_order_id":"a","status":200"#),
        ]).lifecycle
        #expect(logs.ordersFromRequests)
        #expect(logs.startups == 2)
        #expect(logs.startupsReconciledFirst == 1)
        #expect(logs.ordersBeforeReconcile.samples.map(\.location.line) == [3])
        #expect(logs.ordersBeforeReconcile.samples.first?.location.field == "api_request")
        #expect(logs.resubmittedAfterRestart.samples.map(\.location.line) == [6])
    }

    @Test func orderRecordsAndPlacementRequestsAreEachReadOnTheirOwn() throws {
        let logs = try collectStreamAndLifecycleLogs([
            logRecord("10:00:00.000", #""event":"order_submit","client_order_id":"a""#),
            logRecord("10:00:00.100", #""event":"api_request","method":"POST","endpoint":"/api/v3/order","client_order_id":"a","status":200"#),
            logRecord("10:00:01.000", #""event":"api_request","method":"POST","endpoint":"/api/v3/order","status":200"#),
        ]).lifecycle
        #expect(!logs.ordersFromRequests)
        #expect(logs.orderRecordIDs.placements == 1)
        #expect(logs.orderRecordIDs.sharedIDs.isEmpty)
        #expect(logs.orderRecordIDs.placementsWithoutID.isEmpty)
        // The placement request without an id is not hidden by the order record beside it.
        #expect(logs.orderRequestIDs.placements == 2)
        #expect(logs.orderRequestIDs.placementsWithoutID.samples.map(\.location.line) == [3])
    }

    @Test func theIDMemoryKeepsAtLeastOneGenerationAndCountsWhatItForgets() {
        var memory = ClientOrderIDMemory(generationLimit: 4)
        let ids = (0..<10).map { ClientOrderIDMemory.fingerprint("id-\($0)") }
        for (n, id) in ids.enumerated() { memory.remember(id, .init(epoch: 0, fileIndex: 0, line: Int32(n + 1))) }
        // The last generation (ids 8, 9) and the full one before it (4...7) are remembered.
        #expect(ids[4...].allSatisfy { memory.lookup($0) != nil })
        #expect(ids[..<4].allSatisfy { memory.lookup($0) == nil })
        #expect(memory.forgotten == 4)
        #expect(ClientOrderIDMemory.fingerprint("id-1") == ClientOrderIDMemory.fingerprint("id-1"))
        #expect(ClientOrderIDMemory.fingerprint("id-1") != ClientOrderIDMemory.fingerprint("id-2"))
    }

    @Test func heartbeatGapsAreMeasuredInTimeOrderAcrossRotatedFiles() throws {
        let folder = try LogFolder()
        // app.log is the newer file but is read first (path order).
        let newer = try folder.write("app.log", [
            logRecord("10:03:00.000", #""event":"heartbeat""#), logRecord("10:03:30.000", #""event":"heartbeat""#),
            logRecord("10:05:00.000", #""event":"order_submit","client_order_id":"z""#),
        ].joined(separator: "\n") + "\n")
        let older = try folder.write("app.log.1", [
            logRecord("10:00:00.000", #""event":"heartbeat""#), logRecord("10:00:30.000", #""event":"heartbeat""#),
            logRecord("10:01:00.000", #""event":"heartbeat""#),
        ].joined(separator: "\n") + "\n")
        let manifest = try ManifestLoader.parse(
            "version: 1\nbot:\n  name: t\n  exchange: binance\nmonitoring:\n  heartbeat_interval_s: 30\n",
            path: (folder.path as NSString).appendingPathComponent("preflight.yml"))
        let facts = try #require(LogEvidenceCollector(inputs: [newer, older]).read(manifest)).lifecycle
        #expect(facts.heartbeats == 5)
        #expect(facts.heartbeatGapLimitMs == 60_000)
        // 10:01:00 (end of the older file) to 10:03:00 (start of the newer): 120 s.
        #expect(facts.longestHeartbeatGapMs?.value == 120_000)
        #expect(facts.longestHeartbeatGapMs?.location.file == newer)
        #expect(facts.heartbeatGapsOverLimit.count == 1)
        #expect(facts.silenceAfterLastHeartbeatMs?.value == 90_000)
    }

    @Test func aRestartBetweenHeartbeatsIsNotAStall() throws {
        let logs = try collectStreamAndLifecycleLogs([
            logRecord("10:00:00.000", #""event":"heartbeat""#), logRecord("10:00:30.000", #""event":"heartbeat""#),
            logRecord("11:00:00.000", #""event":"startup""#),
            logRecord("11:00:05.000", #""event":"heartbeat""#), logRecord("11:00:35.000", #""event":"heartbeat""#),
            logRecord("11:03:00.000", #""event":"heartbeat""#),
        ], manifest: "monitoring:\n  heartbeat_interval_s: 30\n").lifecycle
        #expect(logs.heartbeatGapsOverLimit.count == 1)
        #expect(logs.heartbeatGapsOverLimit.samples.first?.location.line == 6)
        #expect(logs.longestHeartbeatGapMs?.value == 145_000)
    }

    @Test func theLatestKillSwitchAndEveryBreakerStateAreKept() throws {
        let logs = try collectStreamAndLifecycleLogs([
            logRecord("10:00:00.000", #""event":"kill_switch""#),
            logRecord("09:00:00.000", #""event":"kill_switch""#),
            logRecord("10:01:00.000", #""event":"circuit_breaker","state":"OPEN""#),
            logRecord("10:02:00.000", #""event":"circuit_breaker","state":"half-open""#),
            logRecord("10:03:00.000", #""event":"circuit_breaker","breaker_state":"closed""#),
        ]).lifecycle
        #expect(logs.killSwitchRecords == 2)
        #expect(logs.lastKillSwitchLocation?.line == 1)
        #expect(logs.lastKillSwitchAt == Date(timeIntervalSince1970: 1_795_514_400))
        #expect(logs.breakerTransitions == 3)
        #expect(logs.breakerStates == ["open": 1, "half_open": 1, "closed": 1])
    }
}
