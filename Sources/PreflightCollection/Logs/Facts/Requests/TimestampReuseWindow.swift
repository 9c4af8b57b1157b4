import PreflightModel

/// Remembers the timestamps (or nonces) signed requests carried, so that one sent twice within the window
/// (in log time) is noticed. A fixed set-associative table: four slots per bucket, the oldest slot of a
/// full bucket is overwritten. Memory is fixed whatever the log's size; past about `capacity` distinct
/// timestamps per window the oldest are forgotten first (8,192 by default: about 136 signed requests a
/// second, held for the whole 60 s window, beyond any exchange's sustained limit). This sits on the
/// hot path, so it avoids the hashing and bookkeeping of a Dictionary with an eviction queue, and is
/// small enough (192 KB) to stay in a core's L2 cache.
struct TimestampReuseWindow {
    struct Sighting: Equatable {
        var position: LogPosition
        var time: LogInstant
    }

    /// 24 bytes, so that a bucket of four spans at most two cache lines and the table stays in L2.
    private struct Slot {
        var key: Int64 = 0
        /// Int64.min marks an empty slot (older than any log time, so it is replaced first).
        var time: Int64 = .min
        /// The file index in the top 16 bits, the line in the low 48.
        var position: UInt64 = 0

        init() {}

        init(key: Int64, time: Int64, position: LogPosition) {
            self.key = key
            self.time = time
            self.position = UInt64(truncatingIfNeeded: position.fileIndex) << 48
                | UInt64(truncatingIfNeeded: position.line) & 0xFFFF_FFFF_FFFF
        }

        var logPosition: LogPosition {
            LogPosition(fileIndex: Int(position >> 48), line: Int(position & 0xFFFF_FFFF_FFFF))
        }
    }

    static let ways = 4
    let windowNanoseconds: Int64
    let capacity: Int
    private var slots: [Slot] = []
    private let bucketMask: Int

    /// `capacity` is rounded up to a power of two, at least one bucket.
    init(windowMs: Double, capacity: Int = 8_192) {
        windowNanoseconds = Int64(windowMs * 1_000_000)
        var slotCount = Self.ways
        while slotCount < capacity { slotCount <<= 1 }
        self.capacity = slotCount
        bucketMask = slotCount / Self.ways - 1
    }

    /// Records `timestamp` as sent by the request at `position`; returns the earlier sighting when the same
    /// timestamp was seen within the window.
    mutating func insert(_ timestamp: LogInstant, time: LogInstant, position: LogPosition) -> Sighting? {
        insert(key: timestamp.nanoseconds, time: time, position: position)
    }

    /// The same for a key that folds the timestamp together with the request it belongs to, so that only
    /// a request sent again with its old timestamp meets its earlier sighting.
    mutating func insert(key: Int64, time: LogInstant, position: LogPosition) -> Sighting? {
        if slots.isEmpty { slots = Array(repeating: Slot(), count: capacity) }
        let mixed = UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
        let base = Int(truncatingIfNeeded: mixed >> 40) & bucketMask &* Self.ways
        let fresh = Slot(key: key, time: time.nanoseconds, position: position)
        var victim = base
        var oldest = Int64.max
        for index in base..<(base + Self.ways) {
            let slot = slots[index]
            if slot.time != .min, slot.key == key {
                slots[index] = fresh
                let apart = time.nanoseconds &- slot.time
                guard apart <= windowNanoseconds, apart >= -windowNanoseconds else { return nil }
                return Sighting(position: slot.logPosition, time: LogInstant(nanoseconds: slot.time))
            }
            if slot.time < oldest {
                oldest = slot.time
                victim = index
            }
        }
        slots[victim] = fresh
        return nil
    }
}
