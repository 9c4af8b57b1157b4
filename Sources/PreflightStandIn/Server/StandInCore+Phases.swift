import PreflightModel

/// A drill's phases: arming and disarming faults, with their immediate effects (a clock step, a skipped
/// range of update ids, streams closed), each phase's start and end on the wire.
extension StandInCore {
    func beginPhase(_ name: String, faults: [InjectedFault]) {
        let now = ServerClock.wallNanoseconds()
        state.withLockedValue { state in
            state.phase = name
            var start = WireEvent(timeNanoseconds: now, kind: .phaseStart)
            start.injected = faults.map(\.name).joined(separator: ",")
            state.record(start)
            for fault in faults {
                state.board.arm(fault, phase: name, nowMs: now / 1_000_000)
                apply(fault, phase: name, to: &state)
            }
        }
    }

    private func apply(_ fault: InjectedFault, phase: String, to state: inout StandInState) {
        switch fault {
        case .clockSkew(let milliseconds):
            clock.skewMs += Int64(milliseconds)
            state.phaseSkewMs[phase, default: 0] += Int64(milliseconds)
        case .sequenceGap(let updates):
            state.binance.market.skipUpdateIDs(Int64(max(1, updates)))
        case .wsDisconnect(let code, let refused):
            for id in state.streams.keys { state.streams[id]?.closeWith = code }
            state.refusedReconnects += refused
        default:
            break
        }
    }

    /// Disarms the phase's faults and steps a skewed clock back.
    func endPhase(_ name: String) {
        let now = ServerClock.wallNanoseconds()
        state.withLockedValue { state in
            state.board.disarm(phase: name, nowMs: now / 1_000_000)
            if let skew = state.phaseSkewMs.removeValue(forKey: name) { clock.skewMs -= skew }
            state.refusedReconnects = 0
            var end = WireEvent(timeNanoseconds: now, kind: .phaseEnd)
            end.phase = name
            state.record(end)
            if state.phase == name { state.phase = nil }
        }
    }

    var wireDropped: Int { state.withLockedValue { $0.wireDropped } }
}
