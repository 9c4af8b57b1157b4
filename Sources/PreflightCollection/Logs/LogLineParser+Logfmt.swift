// logfmt: space-separated `key=value` pairs, values bare or double-quoted with backslash escapes,
// bare keys allowed (as in Go's logfmt). A line needs at least one `key=value` pair to count.

extension LogLineParser {
    func scanLogfmt(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        var pairs = 0
        while true {
            while i < n, p[i] == UInt8(ascii: " ") || p[i] == UInt8(ascii: "\t") { i += 1 }
            guard i < n else { break }
            let keyStart = i
            while i < n, p[i] > 0x20, p[i] != UInt8(ascii: "="), p[i] != UInt8(ascii: "\""), p[i] != 0x7F { i += 1 }
            guard i > keyStart else { return false }
            let keyEnd = i
            guard i < n, p[i] == UInt8(ascii: "=") else {
                // A bare key: fine if a separator (or the end) follows.
                if i < n, p[i] != UInt8(ascii: " "), p[i] != UInt8(ascii: "\t") { return false }
                continue
            }
            i += 1
            let payload = vocabulary.fields.lookup(padded: p + keyStart, keyEnd - keyStart)
            if i < n, p[i] == UInt8(ascii: "\"") {
                let valueStart = i + 1
                var escaped = false
                i = valueStart
                while true {
                    guard i < n else { return false }
                    let byte = p[i]
                    if byte == UInt8(ascii: "\"") { break }
                    if byte == UInt8(ascii: "\\") {
                        escaped = true
                        i += 2
                        continue
                    }
                    if byte < 0x20, byte != UInt8(ascii: "\t") { return false }
                    i += 1
                }
                if let payload { capture(payload, start: valueStart, end: i, kind: escaped ? .escapedString : .string) }
                i += 1
            } else {
                let valueStart = i
                while i < n, p[i] > 0x20, p[i] != UInt8(ascii: "\""), p[i] != 0x7F { i += 1 }
                if let payload {
                    capture(payload, start: valueStart, end: i, kind: i > valueStart ? .bare : .null)
                }
            }
            pairs += 1
            if i < n, p[i] != UInt8(ascii: " "), p[i] != UInt8(ascii: "\t") { return false }
        }
        return pairs > 0
    }
}
