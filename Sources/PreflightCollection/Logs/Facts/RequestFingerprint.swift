import PreflightModel

/// Which request a record belongs to, so that its attempts can be linked: the request id first, then the
/// client order id with method and endpoint, then method and endpoint alone.
///
/// Hashed rather than concatenated: this runs for every request record. FNV-1a over the UTF-8 bytes, not
/// `Hasher`: ids are short ASCII, and SipHash with String's normalisation costs more.
enum RequestFingerprint {
    /// Always a value; records without any id share one per kind, method and endpoint.
    static func of(_ event: LogEvent) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        // A separator outside UTF-8 after each part, so that ("ab", "c") and ("a", "bc") differ.
        @inline(__always) func mix(_ text: String?) {
            if let text { for byte in text.utf8 { mix(byte) } }
            mix(0xFF)
        }
        mix(event.kind == .apiRequest ? 0 : event.kind == .orderSubmit ? 1 : 2)
        if let id = event.requestID {
            mix(0)
            mix(id)
            return Int(truncatingIfNeeded: hash)
        }
        mix(event.method)
        mix(event.endpoint)
        if let id = event.clientOrderID {
            mix(1)
            mix(id)
        } else {
            mix(2)
        }
        return Int(truncatingIfNeeded: hash)
    }

    /// The chain key of a record that can be linked to its other attempts: one with a request id, a client
    /// order id or an attempt number; nil for a record that could be any request to its endpoint.
    static func linkable(_ event: LogEvent) -> Int? {
        guard event.requestID != nil || event.clientOrderID != nil || event.attempt != nil else { return nil }
        return of(event)
    }

    /// Whether the record says it is another attempt of a request seen before (ids, or an attempt past 1).
    static func isIdentified(_ event: LogEvent) -> Bool {
        event.requestID != nil || event.clientOrderID != nil || (event.attempt ?? 1) > 1
    }
}
