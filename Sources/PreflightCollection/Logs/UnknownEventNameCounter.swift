/// Counts the event names that matched no kind, keyed by a hash of their bytes so that a
/// repeated name costs no `String`. Bounded: past `limit` distinct names, the rest are counted
/// together. Fed in reading order (one counter per read, on the reader's thread), so which names
/// get named does not depend on how the reading was split between threads.
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

    /// The hash `count` keys a name by: its bytes and how they were written (plain or escaped).
    static func hash(_ p: UnsafePointer<UInt8>, _ span: LogValueSpan) -> UInt64 {
        ByteKeyTable.wordHash(p + Int(span.start), Int(span.end - span.start)) ^ UInt64(span.kind.rawValue)
    }

    /// One record with the name of `hash` (nil: a record with no event or message field at all);
    /// `name` is asked only for a name not seen before, while there is room.
    mutating func count(hash: UInt64?, name: () -> String?) {
        guard let hash else {
            withoutName += 1
            return
        }
        var index = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while let slot = slots[index] {
            if slot.hash == hash {
                slots[index]!.count += 1
                return
            }
            index = (index + 1) & (slots.count - 1)
        }
        guard distinct < Self.limit, let text = name() else {
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
