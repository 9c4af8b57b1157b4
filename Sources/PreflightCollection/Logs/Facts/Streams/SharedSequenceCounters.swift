/// Coinbase numbers every message of a connection with one `sequence_num`, whatever its channel,
/// while logs name the channel, not the connection. So the numbers are followed as counters that
/// any stream may continue: a message continues its own stream's counter when it is that counter's
/// next number, else any counter whose next number it is (another channel of the same connection);
/// otherwise it jumps its own counter (a gap), goes below it (a new connection), or, from a stream
/// that has none yet, starts a counter. Bounded: past `limit` counters the least recently used is
/// reused, and streams still pointing at it start again.
struct SharedSequenceCounters {
    static let limit = 32

    /// A stream's counter; stale once the counter has been reused.
    struct Handle: Equatable {
        var index: Int
        var generation: Int
    }

    enum Outcome: Equatable {
        case next(Handle)
        case started(Handle)
        case reset(Handle)
        case gap(Handle, expected: Int64)
    }

    private var lasts: [Int64] = []
    private var generations: [Int] = []
    private var lastUsed: [Int] = []
    private var clock = 0

    mutating func step(_ number: Int64, own: Handle?) -> Outcome {
        clock += 1
        let mine = own.flatMap { generations[$0.index] == $0.generation ? $0 : nil }
        if let mine, lasts[mine.index] &+ 1 == number || lasts[mine.index] == number {
            advance(mine.index, to: number)
            return .next(mine)
        }
        if let other = lasts.indices.first(where: { lasts[$0] &+ 1 == number }) {
            advance(other, to: number)
            return .next(Handle(index: other, generation: generations[other]))
        }
        if let mine {
            let previous = lasts[mine.index]
            advance(mine.index, to: number)
            return number > previous ? .gap(mine, expected: previous &+ 1) : .reset(mine)
        }
        return .started(start(number))
    }

    private mutating func advance(_ index: Int, to number: Int64) {
        lasts[index] = number
        lastUsed[index] = clock
    }

    private mutating func start(_ number: Int64) -> Handle {
        if lasts.count < Self.limit {
            lasts.append(number)
            generations.append(0)
            lastUsed.append(clock)
            return Handle(index: lasts.count - 1, generation: 0)
        }
        let index = lastUsed.indices.min { lastUsed[$0] < lastUsed[$1] }!
        generations[index] += 1
        advance(index, to: number)
        return Handle(index: index, generation: generations[index])
    }
}
