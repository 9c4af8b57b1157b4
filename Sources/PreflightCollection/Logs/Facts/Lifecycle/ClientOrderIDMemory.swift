import PreflightModel

/// The client order ids seen recently, as 64-bit fingerprints, in bounded memory: two generations
/// of at most `generationLimit` ids each; when the newer fills up, the older is dropped. So at
/// least the last `generationLimit` distinct ids are always remembered, and never more than twice that.
struct ClientOrderIDMemory {
    struct Entry {
        /// How many startups came before the id was first used.
        var epoch: Int32
        var fileIndex: Int32
        var line: Int32
        /// The exchange accepted the request that carried it (a 2xx status): a later request with
        /// the same id and no attempt number is then another order, not a retry.
        var accepted = false
    }

    let generationLimit: Int
    private var newer: [UInt64: Entry] = [:]
    private var older: [UInt64: Entry] = [:]
    private(set) var forgotten = 0

    init(generationLimit: Int = 65_536) {
        self.generationLimit = generationLimit
    }

    /// FNV-1a: stable across runs, so a report does not depend on the process's hash seed.
    static func fingerprint(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    func lookup(_ fingerprint: UInt64) -> Entry? {
        newer[fingerprint] ?? older[fingerprint]
    }

    mutating func remember(_ fingerprint: UInt64, _ entry: Entry) {
        if newer.count >= generationLimit {
            forgotten += older.count
            older = newer
            newer = [:]
            newer.reserveCapacity(generationLimit)
        }
        newer[fingerprint] = entry
    }
}
