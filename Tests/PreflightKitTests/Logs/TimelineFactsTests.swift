import Foundation
@testable import PreflightCollection
import PreflightModel
import Testing

/// The report's timelines count order requests as the order rules classify them (`isOrderPlacement`,
/// `isOrderCancellation`), so a chart and a verdict never disagree on what an order was.
@Suite("Timeline log facts")
struct TimelineFactsTests {
    func timeline(_ lines: [String]) throws -> LogTimeline {
        let folder = try LogFolder()
        let file = try folder.write("bot.log", lines.joined(separator: "\n") + "\n")
        let manifest = try ManifestLoader.parse("version: 1\nbot:\n  name: test\n  exchange: binance\n", path: "\(folder.path)/preflight.yml")
        return try #require(LogEvidenceCollector(inputs: [file]).read(manifest)?.timeline)
    }

    func request(_ ms: Int, _ method: String, _ endpoint: String) -> String {
        #"{"ts":\#(1_795_514_400_000 + ms),"event":"api_request","method":"\#(method)","endpoint":"\#(endpoint)","status":200,"signed":true}"#
    }

    @Test func placementsAndCancellationsAreOrderRequestsQueriesAreNot() throws {
        let lines = [
            request(0, "POST", "/api/v3/order"),
            request(100, "post", "/api/v3/order"),
            request(200, "DELETE", "/api/v3/order"),
            request(300, "POST", "/api/v3/order/cancelReplace"),
            request(400, "GET", "/api/v3/order"),
            request(500, "GET", "/api/v3/openOrders"),
            request(600, "POST", "/api/v3/order/amend/keepPriority"),
            request(700, "GET", "/api/v3/depth"),
            request(800, "PUT", "/api/v3/order"),
        ]
        let buckets = try timeline(lines).buckets
        // POST, post, DELETE, cancelReplace and PUT; not the queries, the list or the amend.
        #expect(buckets.map(\.orderRequests).reduce(0, +) == 5)
        #expect(buckets.map(\.privateRequests).reduce(0, +) == 9)
    }
}
