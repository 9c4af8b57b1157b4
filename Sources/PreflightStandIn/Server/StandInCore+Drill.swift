/// What the drill itself does to the bot and notes on the wire record: kills and restarts, the kill
/// switch, health polls. The stand-in only writes them down, in arrival order with the requests.
extension StandInCore {
    func recordDrillEvent(
        _ kind: WireEvent.Kind, status: Int? = nil, latencyMs: Double? = nil, detail: String? = nil, fault: String? = nil
    ) {
        var event = WireEvent(timeNanoseconds: ServerClock.wallNanoseconds(), kind: kind)
        event.injected = fault
        event.status = status
        event.latencyMs = latencyMs
        event.detail = detail
        state.withLockedValue { state in
            // The new process's first connection to a stream is not a reconnect.
            if kind == .botStart { state.endedStreamLabels.removeAll() }
            state.record(event)
        }
    }

    /// A phase holds the streams down (closed, refused or silent).
    var streamsHeldDown: Bool {
        state.withLockedValue { $0.board.isArmed("ws_disconnect") || $0.board.isArmed("stale_stream") || $0.refusedReconnects > 0 }
    }

    /// The ids of the open orders on the drill account; `answerLost`: only those whose answer was withheld.
    func openOrderIDs(answerLost: Bool) -> [Int64] {
        state.withLockedValue { state in
            state.binance.account.openOrders(symbol: nil).filter { !answerLost || $0.answerLost }.map(\.orderID)
        }
    }

    /// Marks the open orders as left behind by a killed process; their ids.
    func orphanOpenOrders() -> [Int64] {
        state.withLockedValue { $0.binance.account.orphanOpenOrders() }
    }
}
