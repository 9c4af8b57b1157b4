/// Market streams: which connections are let in, what each is sent at its next push, how they end.
extension StandInCore {
    /// Whether an upgrade to this target goes ahead; a refusal (the `ws_disconnect` fault's refused
    /// reconnects) is recorded as a reconnect attempt, then its outcome: answered 503.
    func acceptsStream(target: String) -> Bool {
        guard let subscription = StreamSubscription(target: target) else { return false }
        let now = ServerClock.wallNanoseconds()
        return state.withLockedValue { state in
            guard !state.stopped else { return false }
            guard state.refusedReconnects > 0 else { return true }
            state.refusedReconnects -= 1
            var attempt = WireEvent(timeNanoseconds: now, kind: .wsReconnectAttempt)
            attempt.stream = subscription.label
            state.record(attempt)
            var refused = attempt
            refused.status = 503
            refused.injected = "ws_disconnect"
            state.record(refused)
            return false
        }
    }

    func streamOpened(target: String, connection: Int) -> Int {
        let subscription = StreamSubscription(target: target) ?? StreamSubscription(target: "/ws")!
        let now = ServerClock.wallNanoseconds()
        return state.withLockedValue { state in
            state.nextStream += 1
            var stream = StreamConnection(
                id: state.nextStream, connection: connection, subscription: subscription, userCursor: state.userSerial,
                openedNanoseconds: now
            )
            for name in subscription.names { stream.cursors[name] = Self.currentStep(name, state) }
            state.streams[stream.id] = stream
            if state.endedStreamLabels.contains(subscription.label) {
                var attempt = WireEvent(timeNanoseconds: now, kind: .wsReconnectAttempt)
                attempt.stream = subscription.label
                attempt.connection = connection
                state.record(attempt)
            }
            var connect = WireEvent(timeNanoseconds: now, kind: .wsConnect)
            connect.stream = subscription.label
            connect.connection = connection
            state.record(connect)
            return stream.id
        }
    }

    private static func currentStep(_ name: String, _ state: StandInState) -> Int64 {
        StreamSubscription.symbol(of: name).flatMap { state.binance.market[$0]?.stepIndex } ?? 0
    }

    /// The frames due on a stream: every market step since it was last sent, for each name it follows.
    func streamPush(_ id: Int) -> StreamPush {
        let wallMs = ServerClock.wallNanoseconds() / 1_000_000
        return state.withLockedValue { state in
            guard var stream = state.streams[id] else { return .frames([]) }
            if let code = stream.closeWith { return code == 1006 ? .drop : .close(code: code) }
            _ = state.binance.advance(toMs: wallMs)
            state.collectUserEvents(nowMs: wallMs)
            if state.board.isArmed("stale_stream") { return .frames([]) }
            var frames: [String] = []
            for name in stream.subscription.names {
                if let symbol = StreamSubscription.symbol(of: name), let market = state.binance.market[symbol] {
                    let sent = stream.cursors[name] ?? market.stepIndex
                    for step in market.recent.reversed().prefix(while: { $0.index > sent }).reversed() {
                        frames += BinanceStreamPayload.payloads(name, step: step, market: market).map { stream.subscription.wrap(name, $0) }
                    }
                    stream.cursors[name] = market.stepIndex
                } else if state.binance.listenKeys.contains(name) {
                    frames += state.userEvents.filter { $0.serial > stream.userCursor }.map { stream.subscription.wrap(name, $0.text) }
                }
            }
            stream.userCursor = state.userSerial
            state.streams[id] = stream
            return .frames(frames)
        }
    }

    /// SUBSCRIBE, UNSUBSCRIBE and LIST_SUBSCRIPTIONS; the replies to send.
    func streamMessage(_ id: Int, _ text: String) -> [String] {
        state.withLockedValue { state in
            guard var stream = state.streams[id] else { return [] }
            let (reply, names) = BinanceStreamPayload.control(text, names: stream.subscription.names)
            for name in names where stream.cursors[name] == nil { stream.cursors[name] = Self.currentStep(name, state) }
            stream.subscription.names = names
            state.streams[id] = stream
            return [reply]
        }
    }

    func streamPinged(_ id: Int) {}

    func streamEnded(_ id: Int, closeCode: Int?, byServer: Bool) {
        let now = ServerClock.wallNanoseconds()
        state.withLockedValue { state in
            guard let stream = state.streams.removeValue(forKey: id) else { return }
            state.endedStreamLabels.insert(stream.label)
            var event = WireEvent(timeNanoseconds: now, kind: .wsDisconnect)
            event.stream = stream.label
            event.closeCode = closeCode
            event.connection = stream.connection
            if byServer { event.injected = "ws_disconnect" }
            state.record(event)
        }
    }
}
