import PreflightModel

/// Remembers the timestamps (or nonces) signed requests carried, so that one sent twice within the window
/// (in log time) is noticed. A fixed set-associative table: four slots per bucket, the oldest slot of a
/// full bucket is overwritten. Memory is fixed whatever the log's size; past about `capacity` distinct
/// timestamps per window the oldest are forgotten first. This sits on the hot path, so it avoids the
/// hashing and bookkeeping of a Dictionary with an eviction queue.
struct TimestampReuseWindow {
    struct Sighting: Equatable {
        var position: LogPosition
        var time: LogInstant
    }

    private struct Slot {
        var key: Int64 = 0
        /// Int64.min marks an empty slot (older than any log time, so it is replaced first).
        var time: Int64 = .min
        var line: Int = 0
        var fileIndex: Int = 0
    }

    static let ways = 4
    let windowNanoseconds: Int64
    let capacity: Int
    private var slots: [Slot] = []
    private let bucketMask: Int

    /// `capacity` is rounded up to a power of two, at least one bucket.
    init(windowMs: Double, capacity: Int = 16_384) {
        windowNanoseconds = Int64(windowMs * 1_000_000)
        var slotCount = Self.ways
        while slotCount < capacity { slotCount <<= 1 }
        self.capacity = slotCount
        bucketMask = slotCount / Self.ways - 1
    }

    /// Records `timestamp` as sent by the request at `position`; returns the earlier sighting when the same
    /// timestamp was seen within the window.
    mutating func insert(_ timestamp: LogInstant, time: LogInstant, position: LogPosition) -> Sighting? {
        if slots.isEmpty { slots = Array(repeating: Slot(), count: capacity) }
        let key = timestamp.nanoseconds
        let mixed = UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
        let base = Int(truncatingIfNeeded: mixed >> 40) & bucketMask &* Self.ways
        let fresh = Slot(key: key, time: time.nanoseconds, line: position.line, fileIndex: position.fileIndex)
        var victim = base
        var oldest = Int64.max
        for index in base..<(base + Self.ways) {
            let slot = slots[index]
            if slot.time != .min, slot.key == key {
                slots[index] = fresh
                let apart = time.nanoseconds &- slot.time
                guard apart <= windowNanoseconds, apart >= -windowNanoseconds else { return nil }
                return Sighting(position: LogPosition(fileIndex: slot.fileIndex, line: slot.line),
                                time: LogInstant(nanoseconds: slot.time))
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
