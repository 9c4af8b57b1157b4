import Glibc

/// Serves one accepted connection on its own thread: requests one after another (HTTP/1.1 keep-alive)
/// until the client closes, asks for `Connection: close`, a fault ends the connection, or the server stops.
struct ConnectionHandler: Sendable {
    let fd: Int32
    let state: ServerState
    let router: ExchangeRouter
    let splitsWrites: Bool

    func run() {
        var parser = HTTPRequestParser()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        serving: while true {
            switch parser.next() {
            case .request(let request):
                guard answer(request) else { break serving }
            case .malformed(let reason):
                let response = HTTPResponse.json(400, #"{"error":"bad request"}"#)
                state.record(MockExchangeRequest(method: "", path: "", query: "", headerNames: [], outcome: "400 malformed request: \(reason)"))
                _ = LoopbackSocket.sendAll(fd, response.serialized(keepAlive: false))
                break serving
            case .needMoreBytes:
                let received = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if received < 0, errno == EINTR { continue }
                guard received > 0, !state.isStopped else { break serving }
                buffer.withUnsafeBytes { parser.append(UnsafeRawBufferPointer(rebasing: $0[..<received])) }
            }
        }
        state.closeConnection(fd)
    }

    /// Answers one request; false when the connection must close afterwards.
    private func answer(_ request: HTTPRequest) -> Bool {
        let keepAlive = request.keepsConnectionAlive
        var routed: RoutedResponse
        switch state.fault(for: request.path) {
        case nil:
            routed = router.route(request)
        case .closeConnection:
            record(request, "fault: connection closed without an answer")
            return false
        case .slow(let seconds):
            guard state.pause(seconds: seconds) else {
                record(request, "server stopped during a slow answer")
                return false
            }
            routed = router.route(request)
            routed.outcome = "fault: slow \(seconds) s, then \(routed.outcome)"
        case .truncatedJSON:
            let full = router.route(request).response
            record(request, "fault: truncated body (\(full.body.count / 2) of \(full.body.count) bytes)")
            _ = LoopbackSocket.sendAll(fd, full.head(keepAlive: false) + full.body.prefix(full.body.count / 2))
            return false
        case let fault?:
            let venue = ExchangeVenue(path: request.path)
            guard let response = FaultResponses.response(for: fault, venue: venue, serverTimeMs: router.clock.nowMilliseconds()) else {
                preconditionFailure("fault \(fault) has no response of its own")
            }
            routed = response
        }
        // Recorded before the answer goes out, so a client that has its answer also sees the record.
        record(request, routed.outcome)
        if splitsWrites {
            return LoopbackSocket.sendAll(fd, routed.response.head(keepAlive: keepAlive))
                && LoopbackSocket.sendAll(fd, routed.response.body) && keepAlive
        }
        return LoopbackSocket.sendAll(fd, routed.response.serialized(keepAlive: keepAlive)) && keepAlive
    }

    private func record(_ request: HTTPRequest, _ outcome: String) {
        state.record(MockExchangeRequest(
            method: request.method, path: request.path, query: request.query,
            headerNames: request.headers.map(\.name), outcome: outcome
        ))
    }
}
