import NIOConcurrencyHelpers

/// The stand-in's decisions, shared by every connection's handler: which dialect answers, what the
/// armed faults do, what goes on the wire record. Every call is short and takes the lock once or twice;
/// nothing here blocks or sleeps (delays are the handlers' scheduled tasks).
final class StandInCore: Sendable {
    let configuration: StandInConfiguration
    let clock: ServerClock
    let probes: ProbeEndpoints
    let state: NIOLockedValueBox<StandInState>

    /// What the handler keeps between a request's arrival and its answer leaving.
    struct Arrival: Sendable {
        var startNanoseconds: Int64
        var inflightClass: String
        var wire: WireEvent?
    }

    init(configuration: StandInConfiguration, coinbaseVerifier: CoinbaseJWTVerifier) {
        self.configuration = configuration
        clock = ServerClock(skewMs: configuration.clockSkewMs)
        probes = ProbeEndpoints(configuration: configuration, clock: clock, coinbaseVerifier: coinbaseVerifier)
        let startMs = ServerClock.wallNanoseconds() / 1_000_000
        var initial = StandInState(binance: BinanceSpotDialect(configuration: configuration, startMs: startMs))
        initial.chains = WireChains(windowSeconds: configuration.retryChainWindowSeconds)
        state = NIOLockedValueBox(initial)
    }

    // MARK: connections

    func connectionAccepted() -> Int {
        state.withLockedValue { state in
            state.accepted += 1
            state.open += 1
            return state.accepted
        }
    }

    func connectionClosed() { state.withLockedValue { $0.open -= 1 } }

    /// True the first time: the caller then shuts the server down.
    func markStopped() -> Bool {
        state.withLockedValue { state in
            defer { state.stopped = true }
            return !state.stopped
        }
    }

    var acceptedConnections: Int { state.withLockedValue { $0.accepted } }
    var openConnections: Int { state.withLockedValue { $0.open } }
    var requestRecords: [StandInRequestRecord] { state.withLockedValue { $0.records } }
    var wireEvents: [WireEvent] { state.withLockedValue { $0.wire } }

    func setFault(_ fault: StandInFault?, forPathPrefix prefix: String?) {
        state.withLockedValue { state in
            if let fault {
                state.probeFaults[prefix ?? ""] = fault
            } else if let prefix {
                state.probeFaults[prefix] = nil
            } else {
                state.probeFaults.removeAll()
            }
        }
    }

    // MARK: requests

    func arrived(_ request: StandInRequest) -> Arrival {
        let route = BinanceRoute(method: request.method, path: request.path)
        let inflightClass = route?.isSigned == true ? "signed" : "public"
        let now = ServerClock.wallNanoseconds()
        let count = state.withLockedValue { state in
            state.inflight[inflightClass, default: 0] += 1
            return state.inflight[inflightClass, default: 0]
        }
        var wire: WireEvent?
        if let route {
            wire = WireRecording.draft(request, route: route, atNanoseconds: now, inflight: count, serverSkewMs: clock.skewMs)
        }
        return Arrival(startNanoseconds: now, inflightClass: inflightClass, wire: wire)
    }

    /// What to answer and how; records the request for the tests' `requests`.
    func reply(to request: StandInRequest, arrival: Arrival) -> StandInReply {
        let reply = decide(request, arrival: arrival)
        let record = StandInRequestRecord(
            method: request.method, path: request.path, query: request.query,
            headerNames: request.headers.map(\.name), outcome: reply.routed.outcome
        )
        state.withLockedValue { $0.record(record) }
        return reply
    }

    private func decide(_ request: StandInRequest, arrival: Arrival) -> StandInReply {
        let fault = probeFault(for: request.path)
        var reply: StandInReply
        if let probe = probes.route(request) {
            reply = StandInReply(routed: probe)
        } else if let route = BinanceRoute(method: request.method, path: request.path) {
            reply = binanceReply(route, request, arrival: arrival, probeFaulted: fault != nil)
        } else {
            reply = StandInReply(routed: unrouted(request))
        }
        if let fault {
            var faulted = probes.faulted(request, fault: fault, normal: reply.routed)
            faulted.wire = nil
            return faulted
        }
        return reply
    }

    private func probeFault(for path: String) -> StandInFault? {
        state.withLockedValue { state in
            state.probeFaults.filter { path.hasPrefix($0.key) }.max { $0.key.count < $1.key.count }?.value
        }
    }

    private func unrouted(_ request: StandInRequest) -> RoutedResponse {
        if StreamSubscription(target: request.target) != nil {
            return RoutedResponse(
                response: StandInResponse(status: 503, contentType: "text/plain", body: "Service Unavailable\n"),
                outcome: "503 stream connection refused"
            )
        }
        if BinanceRoute.isKnownPath(request.path) || StandInServer.probePaths.contains(request.path) {
            return RoutedResponse(response: .json(405, #"{"error":"method not allowed"}"#, headers: [("Allow", "GET")]), outcome: "405 method not allowed")
        }
        return RoutedResponse(response: .json(404, #"{"error":"not found"}"#), outcome: "404 unknown path")
    }

    /// `probeFaulted`: a probe test's path fault replaces the answer; the normal one is still computed (a
    /// truncated or slow answer is the normal one, sent differently), but no drill fault applies.
    private func binanceReply(_ route: BinanceRoute, _ request: StandInRequest, arrival: Arrival, probeFaulted: Bool) -> StandInReply {
        let parameters = BinanceParameters(query: request.query, body: request.bodyText)
        let traits = FaultBoard.Traits(
            isOrderPlacement: route.isOrderPlacement, isOrderChange: route.isOrderChange, isSigned: route.isSigned,
            isMarketData: route.isMarketData
        )
        let serverTime = clock.nowMilliseconds()
        let wallMs = arrival.startNanoseconds / 1_000_000
        return state.withLockedValue { state in
            _ = state.binance.advance(toMs: wallMs)
            let extra = state.board.extraLatencyMs
            let decided = probeFaulted ? nil : state.board.decide(traits, nowMs: wallMs)
            var reply: StandInReply
            var answer: BinanceSpotDialect.Answer?
            switch decided?.decision {
            case .reject(let error)?:
                reply = StandInReply(routed: error.routed)
                reply.routed.outcome = "fault: \(decided?.fault ?? "") (\(reply.routed.outcome))"
            case .bookThenDrop?:
                answer = state.binance.respond(route, request, parameters, serverTimeMs: serverTime, wallMs: wallMs, bookThenDrop: true)
                reply = StandInReply(routed: answer!.routed, delivery: .dropConnection)
                if answer?.orderID != nil {
                    reply.routed.outcome = "fault: lost_response (booked order \(answer!.orderID!), connection dropped)"
                } else {
                    reply.delivery = .now
                }
            case nil:
                answer = state.binance.respond(route, request, parameters, serverTimeMs: serverTime, wallMs: wallMs, bookThenDrop: false)
                reply = StandInReply(routed: answer!.routed)
            }
            if extra > 0, case .now = reply.delivery { reply.delivery = .after(milliseconds: extra) }
            reply.wire = WireRecording.complete(arrival.wire, reply: reply, answer: answer, injected: decided?.fault ?? (extra > 0 ? "slow" : nil))
            return reply
        }
    }

    /// The answer left (or the connection was dropped): the request is no longer in flight; its wire
    /// event gets its latency and is recorded.
    func answered(_ arrival: Arrival, _ reply: StandInReply) {
        let latency = Double(ServerClock.wallNanoseconds() - arrival.startNanoseconds) / 1_000_000
        state.withLockedValue { state in
            state.inflight[arrival.inflightClass, default: 1] -= 1
            if var event = reply.wire {
                event.latencyMs = latency
                state.record(event)
            }
        }
    }
}
