/// Counts the event names that matched no kind, keyed by a hash of their bytes so that a
/// repeated name costs no `String`. Bounded: past `limit` distinct names, the rest are counted
/// together.
struct UnknownEventNameCounter {
    static let limit = 64

    private struct Slot {
        var hash: UInt64
        var name: String
        var count: Int
    }

    private var slots = [Slot?](repeating: nil, count: 256)
    private(set) var distinct = 0
    private(set) var others = 0
    private(set) var withoutName = 0

    mutating func count(
        _ p: UnsafePointer<UInt8>, _ span: LogValueSpan?, name: (LogValueSpan) -> String?
    ) {
        guard let span else {
            withoutName += 1
            return
        }
        let hash = ByteKeyTable.wordHash(p + Int(span.start), Int(span.end - span.start)) ^ UInt64(span.kind.rawValue)
        var index = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while let slot = slots[index] {
            if slot.hash == hash {
                slots[index]!.count += 1
                return
            }
            index = (index + 1) & (slots.count - 1)
        }
        guard distinct < Self.limit, let text = name(span) else {
            others += 1
            return
        }
        slots[index] = Slot(hash: hash, name: text, count: 1)
        distinct += 1
    }

    /// Name and count, most frequent first.
    var counts: [(name: String, count: Int)] {
        slots.compactMap { $0 }.map { ($0.name, $0.count) }
    }
}
