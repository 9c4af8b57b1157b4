import PreflightModel

/// How one exchange numbers its stream messages, and what counts as a gap (exchanges.md).
enum StreamSequenceRule {
    /// Binance spot depth: `U` must be the previous `u` + 1.
    case binanceSpot
    /// Binance futures depth: `pu` must equal the previous `u` (falls back to the spot rule without `pu`).
    case binanceFutures
    /// Bybit: `u` + 1 per update; a snapshot or `u` == 1 (service restart) starts again. `seq` alone is not consecutive.
    case bybit
    /// OKX books: `prevSeqId` must equal the previous `seqId`; -1 marks a snapshot; `seqId` below
    /// `prevSeqId` is a maintenance reset.
    case okx
    /// Any exchange's plain `sequence`: + 1 per message of the stream.
    case consecutive
    /// Coinbase `sequence_num`: + 1 per message of the connection, across its channels
    /// (`SharedSequenceCounters` follows it; `step` alone judges it per stream).
    case coinbase
    /// Kraken: a checksum, no sequence numbers.
    case none

    init(_ exchange: Exchange) {
        switch exchange {
        case .binance: self = .binanceSpot
        case .binanceFutures: self = .binanceFutures
        case .bybit: self = .bybit
        case .okx: self = .okx
        case .coinbase: self = .coinbase
        case .kraken: self = .none
        }
    }

    /// What one message means for a stream's sequence.
    enum Step: Equatable {
        /// No sequence fields for this exchange.
        case unsequenced
        /// In order (or a harmless repeat); `last` is the number the next message continues from.
        case next(last: Int64)
        /// A new start (snapshot, restart, maintenance): not a gap.
        case reset(last: Int64)
        /// Numbers were skipped.
        case gap(last: Int64, expected: Int64, got: Int64, field: String)
    }

    /// `previous` is the number the stream reached (nil after a connect, resync or reset).
    func step(_ event: LogEvent, previous: Int64?) -> Step {
        switch self {
        case .none:
            return .unsequenced
        case .binanceSpot, .binanceFutures:
            guard let last = event.lastUpdateID else { return consecutive(event.sequence, previous, field: "sequence") }
            if event.isSnapshot == true { return .reset(last: last) }
            guard let previous else { return .next(last: last) }
            if self == .binanceFutures, let pu = event.prevUpdateID {
                return pu == previous ? .next(last: last) : (last <= previous ? .next(last: previous) : .gap(last: last, expected: previous, got: pu, field: "pu"))
            }
            let first = event.firstUpdateID ?? last
            if first > previous &+ 1 { return .gap(last: last, expected: previous &+ 1, got: first, field: "U") }
            return .next(last: max(last, previous))
        case .bybit:
            guard let last = event.lastUpdateID else {
                return event.sequence == nil ? .unsequenced : .next(last: previous ?? 0)
            }
            if event.isSnapshot == true || last == 1 { return .reset(last: last) }
            guard let previous else { return .next(last: last) }
            if last > previous &+ 1 { return .gap(last: last, expected: previous &+ 1, got: last, field: "u") }
            return .next(last: max(last, previous))
        case .okx:
            guard let seqID = event.sequence else { return .unsequenced }
            // seqId alone is numbered but not consecutive: only prevSeqId shows a gap.
            guard let prevSeqID = event.prevUpdateID else { return .next(last: seqID) }
            if prevSeqID == -1 || event.isSnapshot == true || seqID < prevSeqID { return .reset(last: seqID) }
            guard let previous else { return .next(last: seqID) }
            if prevSeqID != previous { return .gap(last: seqID, expected: previous, got: prevSeqID, field: "prevSeqId") }
            return .next(last: seqID)
        case .consecutive:
            return consecutive(event.sequence, previous, field: "sequence")
        case .coinbase:
            return consecutive(event.sequence, previous, field: "sequence_num")
        }
    }

    private func consecutive(_ sequence: Int64?, _ previous: Int64?, field: String) -> Step {
        guard let sequence else { return .unsequenced }
        guard let previous else { return .next(last: sequence) }
        if sequence > previous &+ 1 { return .gap(last: sequence, expected: previous &+ 1, got: sequence, field: field) }
        if sequence < previous { return .reset(last: sequence) }
        return .next(last: sequence)
    }
}
