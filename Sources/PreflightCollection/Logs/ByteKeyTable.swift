import Foundation

/// An immutable map from short byte strings (field names, event names) to a small payload,
/// probed straight from the bytes of a log line without building a `String`. Immutable once
/// built, hence safe to share.
final class ByteKeyTable: @unchecked Sendable {
    private struct Entry {
        var hash: UInt32 = 0
        var offset: Int32 = 0
        var length: Int32 = -1
        var payload: UInt16 = 0
    }

    /// Lowercases ASCII and folds `.`, `-`, space and `:` into `_`, so that `WS-Connect` finds `ws_connect`.
    let foldsNames: Bool
    private let mask: Int
    private let entries: UnsafeMutablePointer<Entry>
    private let arena: UnsafeMutablePointer<UInt8>

    /// Later pairs do not replace earlier ones with the same name.
    init(_ pairs: [(name: String, payload: UInt16)], foldsNames: Bool = false) {
        self.foldsNames = foldsNames
        var capacity = 16
        while capacity < pairs.count * 3 { capacity <<= 1 }
        mask = capacity - 1
        entries = .allocate(capacity: capacity)
        entries.initialize(repeating: Entry(), count: capacity)
        let arenaSize = max(1, pairs.reduce(0) { $0 + $1.name.utf8.count })
        // Zero padding after the last name, so that `lookup(padded:)` can compare whole words.
        arena = .allocate(capacity: arenaSize + 8)
        arena.initialize(repeating: 0, count: arenaSize + 8)
        var used = 0
        for (name, payload) in pairs {
            let bytes = Array(name.utf8).map { foldsNames ? Self.fold($0) : $0 }
            if bytes.isEmpty { continue }
            let found = bytes.withUnsafeBufferPointer { lookup($0.baseAddress!, $0.count) }
            if found != nil { continue }
            let hash = bytes.withUnsafeBufferPointer { Self.hash($0.baseAddress!, $0.count, folding: foldsNames) }
            var slot = Int(hash) & mask
            while entries[slot].length >= 0 { slot = (slot + 1) & mask }
            (arena + used).update(from: bytes, count: bytes.count)
            entries[slot] = Entry(hash: hash, offset: Int32(used), length: Int32(bytes.count), payload: payload)
            used += bytes.count
        }
    }

    deinit {
        entries.deallocate()
        arena.deallocate()
    }

    @inline(__always)
    func lookup(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt16? {
        let hash = Self.hash(bytes, count, folding: foldsNames)
        var slot = Int(hash) & mask
        while true {
            let entry = entries[slot]
            if entry.length < 0 { return nil }
            if entry.hash == hash, Int(entry.length) == count, matches(bytes, count, arena + Int(entry.offset)) {
                return entry.payload
            }
            slot = (slot + 1) & mask
        }
    }

    /// As `lookup`, for bytes followed by at least 8 readable bytes (the reader pads its buffer):
    /// a name of up to 16 bytes is then hashed and compared in whole words.
    @inline(__always)
    func lookup(padded bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt16? {
        guard !foldsNames, count <= 16, count > 0 else { return lookup(bytes, count) }
        let raw = UnsafeRawPointer(bytes)
        let first = raw.loadUnaligned(as: UInt64.self) & Self.lowBytes(min(count, 8))
        let second = count > 8 ? raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & Self.lowBytes(count - 8) : 0
        var hash = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        if count >= 8 {
            hash = (hash ^ first) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            if count == 16 {
                hash = (hash ^ second) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 29
            } else if count > 8 {
                hash = (hash ^ second) &* 0xC4CE_B9FE_1A85_EC53
            }
        } else {
            hash = (hash ^ first) &* 0xC4CE_B9FE_1A85_EC53
        }
        let hash32 = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        var slot = Int(hash32) & mask
        while true {
            let entry = entries[slot]
            if entry.length < 0 { return nil }
            if entry.hash == hash32, Int(entry.length) == count {
                let stored = UnsafeRawPointer(arena + Int(entry.offset))
                let storedFirst = stored.loadUnaligned(as: UInt64.self) & Self.lowBytes(min(count, 8))
                let storedSecond =
                    count > 8 ? stored.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & Self.lowBytes(count - 8) : 0
                if storedFirst == first, storedSecond == second { return entry.payload }
            }
            slot = (slot + 1) & mask
        }
    }

    /// A mask keeping the first `count` bytes (1...8) of a little-endian word.
    @inline(__always)
    private static func lowBytes(_ count: Int) -> UInt64 {
        count >= 8 ? .max : (1 << (UInt64(count) * 8)) - 1
    }

    @inline(__always)
    private func matches(_ bytes: UnsafePointer<UInt8>, _ count: Int, _ stored: UnsafePointer<UInt8>) -> Bool {
        if !foldsNames {
            var i = 0
            while i + 8 <= count {
                let left = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)
                if left != UnsafeRawPointer(stored + i).loadUnaligned(as: UInt64.self) { return false }
                i += 8
            }
            while i < count {
                if bytes[i] != stored[i] { return false }
                i += 1
            }
            return true
        }
        for i in 0..<count where Self.fold(bytes[i]) != stored[i] { return false }
        return true
    }

    @inline(__always)
    private static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int, folding: Bool) -> UInt32 {
        if folding {
            var hash: UInt32 = 2_166_136_261
            for i in 0..<count { hash = (hash ^ UInt32(fold(bytes[i]))) &* 16_777_619 }
            return hash
        }
        return UInt32(truncatingIfNeeded: wordHash(bytes, count))
    }

    /// A 64-bit hash of short byte strings, mixed a word at a time rather than a byte at a time.
    @inline(__always)
    static func wordHash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var hash = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= count {
            hash = (hash ^ UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            i += 8
        }
        if i < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < count {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        return hash ^ (hash >> 32)
    }

    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: " "), UInt8(ascii: ":"): UInt8(ascii: "_")
        default: byte
        }
    }
}
