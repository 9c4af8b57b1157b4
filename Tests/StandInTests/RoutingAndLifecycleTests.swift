import Foundation
import Glibc
import PreflightStandIn
import Testing

@Suite("Routing, recording and lifecycle")
struct RoutingAndLifecycleTests {
    @Test func anythingNotServedIsAnswered404Or405AndRecorded() async throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let client = PlainHTTPClient(baseURL: server.baseURL)
        let unknown = try await client.get("/api/v3/orderbook?symbol=BTCUSDT")
        #expect(unknown.status == 404)
        #expect(!unknown.body.isEmpty)
        let post = try await client.get("/api/v3/time", method: "POST")
        #expect(post.status == 405)
        #expect(post.header("Allow") == "GET")
        let delete = try await client.get("/sapi/v1/account/apiRestrictions", method: "DELETE")
        #expect(delete.status == 405)
        let recorded = server.requests
        #expect(recorded.map(\.method) == ["GET", "POST", "DELETE"])
        #expect(recorded.map(\.path) == ["/api/v3/orderbook", "/api/v3/time", "/sapi/v1/account/apiRestrictions"])
        #expect(recorded[0].query == "symbol=BTCUSDT")
        #expect(recorded.map(\.outcome) == ["404 unknown path", "405 method not allowed", "405 method not allowed"])
    }

    @Test func aRequestArrivingInPiecesIsAnsweredOnceComplete() throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let raw = try RawTCPClient(port: server.port)
        defer { raw.close() }
        raw.send("GET /v5/market/ti")
        usleep(50_000)
        raw.send("me HTTP/1.1\r\nHost: x\r\n")
        usleep(50_000)
        raw.send("Connection: close\r\n\r\n")
        let wire = String(decoding: raw.readToEnd(), as: UTF8.self)
        #expect(wire.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(wire.contains(#""retCode":0"#))
    }

    @Test func aMalformedRequestGets400AndReachesNoEndpoint() throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        let raw = try RawTCPClient(port: server.port)
        defer { raw.close() }
        raw.send("HELLO\r\n\r\n")
        #expect(String(decoding: raw.readToEnd(), as: UTF8.self).hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        // NIO's HTTP decoder answers it and closes the connection; no request reached the exchange.
        #expect(server.requests.isEmpty)
    }

    @Test func stopClosesEveryConnectionEvenOpenAndSlowOnes() async throws {
        let server = try StandInServer(makeConfiguration())
        let idle = try RawTCPClient(port: server.port)
        defer { idle.close() }
        let client = PlainHTTPClient(baseURL: server.baseURL)
        #expect(try await client.get("/api/v3/time").status == 200)
        server.setFault(.slow(seconds: 30))
        let stuck = try RawTCPClient(port: server.port)
        defer { stuck.close() }
        stuck.send("GET /api/v3/time HTTP/1.1\r\nHost: x\r\n\r\n")
        // Wait until all three connections are open.
        for _ in 0..<200 where server.openConnections < 3 { usleep(5_000) }
        #expect(server.openConnections == 3)

        let started = Date()
        server.stop()
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(server.openConnections == 0)
        #expect(stuck.readToEnd().isEmpty)
        #expect(try !Self.canConnect(port: server.port))
        server.stop()
    }

    @Test func releasingTheServerStopsIt() throws {
        var port = 0
        do {
            let server = try StandInServer(makeConfiguration())
            port = server.port
            #expect(try Self.canConnect(port: port))
        }
        #expect(try !Self.canConnect(port: port))
    }

    @Test func badConfigurationIsRefusedAtStart() {
        var configuration = makeConfiguration()
        configuration.okxConfig = "{not json"
        #expect(throws: StandInError.self) { try StandInServer(configuration) }
        configuration = makeConfiguration()
        configuration.coinbasePublicKeyPEM = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"
        #expect(throws: StandInError.self) { try StandInServer(configuration) }
    }

    @Test func baseURLNamesTheLoopbackAddressAndPort() throws {
        let server = try StandInServer(makeConfiguration())
        defer { server.stop() }
        #expect(server.port > 0)
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
    }

    static func canConnect(port: Int) throws -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr = in_addr(s_addr: UInt32(0x7f00_0001).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
