import Foundation

// A strict JSON validator that reads only the top-level keys: nested values are validated and
// skipped, and a top-level key preflight knows has its value's span captured. Strict means RFC 8259:
// no trailing commas, no leading zeros, no bare control characters in strings, valid escapes.

private let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
private let maxNesting = 256

extension LogLineParser {
    /// Validates `p[0..<n]` as one JSON object and captures the known top-level fields.
    func scanJSON(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = skipWhitespace(p, 0, n)
        guard i < n, p[i] == UInt8(ascii: "{") else { return false }
        i = skipWhitespace(p, i + 1, n)
        guard i < n else { return false }
        if p[i] == UInt8(ascii: "}") { return skipWhitespace(p, i + 1, n) == n }
        while true {
            guard i < n, p[i] == quote else { return false }
            var keyEscaped = false
            let keyEnd = scanString(p, i + 1, n, escaped: &keyEscaped)
            guard keyEnd > 0 else { return false }
            let payload = keyEscaped
                ? lookupEscapedKey(p, i + 1, keyEnd - 1)
                : vocabulary.fields.lookup(padded: p + i + 1, keyEnd - 1 - (i + 1))
            i = skipWhitespace(p, keyEnd, n)
            guard i < n, p[i] == UInt8(ascii: ":") else { return false }
            i = skipWhitespace(p, i + 1, n)
            guard i < n else { return false }
            let valueStart = i
            var kind = LogValueSpan.Kind.compound
            var valueEscaped = false
            switch p[i] {
            case quote:
                i = scanString(p, i + 1, n, escaped: &valueEscaped)
                kind = valueEscaped ? .escapedString : .string
            case UInt8(ascii: "t"):
                i = scanLiteral(p, i, n, "true")
                kind = .trueLiteral
            case UInt8(ascii: "f"):
                i = scanLiteral(p, i, n, "false")
                kind = .falseLiteral
            case UInt8(ascii: "n"):
                i = scanLiteral(p, i, n, "null")
                kind = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                i = scanNumber(p, i, n)
                kind = .number
            default:
                i = skipValue(p, i, n, depth: 1)
            }
            guard i > 0 else { return false }
            if let payload {
                if kind == .string || kind == .escapedString {
                    capture(payload, start: valueStart + 1, end: i - 1, kind: kind)
                } else {
                    capture(payload, start: valueStart, end: i, kind: kind)
                }
            }
            i = skipWhitespace(p, i, n)
            guard i < n else { return false }
            if p[i] == UInt8(ascii: ",") {
                i = skipWhitespace(p, i + 1, n)
                continue
            }
            guard p[i] == UInt8(ascii: "}") else { return false }
            return skipWhitespace(p, i + 1, n) == n
        }
    }

    @inline(__always)
    func skipWhitespace(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int {
        var i = start
        while i < n {
            switch p[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): i += 1
            default: return i
            }
        }
        return i
    }

    /// `start` is just past the opening quote. Returns the index past the closing quote, or -1.
    /// Reads whole words, so at least 8 readable bytes must follow `p[n - 1]` (the reader pads its buffer).
    @inline(__always)
    func scanString(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int, escaped: inout Bool) -> Int {
        var i = start
        while i < n {
            let special = Self.specialBytes(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            if special == 0 {
                i += 8
                continue
            }
            // The lowest flagged byte is always a true one (little-endian: the first in memory).
            i += special.trailingZeroBitCount >> 3
            guard i < n else { return -1 }
            let byte = p[i]
            if byte == quote { return i + 1 }
            guard byte == backslash else { return -1 }  // a control byte
            escaped = true
            guard i + 1 < n else { return -1 }
            switch p[i + 1] {
            case quote, backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
                UInt8(ascii: "r"), UInt8(ascii: "t"):
                i += 2
            case UInt8(ascii: "u"):
                guard i + 6 <= n, isHex(p[i + 2]), isHex(p[i + 3]), isHex(p[i + 4]), isHex(p[i + 5]) else {
                    return -1
                }
                i += 6
            default:
                return -1
            }
        }
        return -1
    }

    /// The high bit of each byte of `word` that is `"`, `\` or below 0x20 (the classic has-zero-byte
    /// bit trick); bytes above the first flagged one may be flagged wrongly.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* UInt64(quote))
        let backslashes = word ^ (ones &* UInt64(backslash))
        let hasQuote = (quotes &- ones) & ~quotes & highs
        let hasBackslash = (backslashes &- ones) & ~backslashes & highs
        let hasControl = (word &- ones &* 0x20) & ~word & highs
        return hasQuote | hasBackslash | hasControl
    }

    @inline(__always)
    func isHex(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"): true
        default: false
        }
    }

    @inline(__always)
    func scanNumber(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int {
        var i = start
        if p[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n else { return -1 }
        if p[i] == UInt8(ascii: "0") {
            i += 1
        } else if isDigit(p[i]) {
            while i < n, isDigit(p[i]) { i += 1 }
        } else {
            return -1
        }
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            guard i < n, isDigit(p[i]) else { return -1 }
            while i < n, isDigit(p[i]) { i += 1 }
        }
        if i < n, p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < n, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
            guard i < n, isDigit(p[i]) else { return -1 }
            while i < n, isDigit(p[i]) { i += 1 }
        }
        return i
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    func scanLiteral(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int, _ literal: StaticString) -> Int {
        let count = literal.utf8CodeUnitCount
        guard start + count <= n, memcmp(p + start, literal.utf8Start, count) == 0 else { return -1 }
        return start + count
    }

    /// Validates any JSON value at `start` and returns the index past it, or -1.
    func skipValue(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int, depth: Int) -> Int {
        guard start < n, depth <= maxNesting else { return -1 }
        var escaped = false
        switch p[start] {
        case quote: return scanString(p, start + 1, n, escaped: &escaped)
        case UInt8(ascii: "t"): return scanLiteral(p, start, n, "true")
        case UInt8(ascii: "f"): return scanLiteral(p, start, n, "false")
        case UInt8(ascii: "n"): return scanLiteral(p, start, n, "null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return scanNumber(p, start, n)
        case UInt8(ascii: "["): return skipContainer(p, start, n, close: UInt8(ascii: "]"), keyed: false, depth: depth)
        case UInt8(ascii: "{"): return skipContainer(p, start, n, close: UInt8(ascii: "}"), keyed: true, depth: depth)
        default:
            return -1
        }
    }

    /// Validates the array or object opened at `start` (its members: values, or keys with values, between
    /// commas) and returns the index past `close`, or -1.
    private func skipContainer(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int, close: UInt8, keyed: Bool, depth: Int) -> Int {
        var i = skipWhitespace(p, start + 1, n)
        guard i < n else { return -1 }
        if p[i] == close { return i + 1 }
        var escaped = false
        while true {
            if keyed {
                guard i < n, p[i] == quote else { return -1 }
                i = scanString(p, i + 1, n, escaped: &escaped)
                guard i > 0 else { return -1 }
                i = skipWhitespace(p, i, n)
                guard i < n, p[i] == UInt8(ascii: ":") else { return -1 }
                i = skipWhitespace(p, i + 1, n)
            }
            i = skipValue(p, i, n, depth: depth + 1)
            guard i > 0 else { return -1 }
            i = skipWhitespace(p, i, n)
            guard i < n else { return -1 }
            if p[i] == close { return i + 1 }
            guard p[i] == UInt8(ascii: ",") else { return -1 }
            i = skipWhitespace(p, i + 1, n)
        }
    }

    /// A key written with escapes (`"ms\u0067"`): decode it, then look it up.
    private func lookupEscapedKey(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt16? {
        let decoded = Array(decodeEscapes(p, start, end).utf8)
        guard !decoded.isEmpty else { return nil }
        return decoded.withUnsafeBufferPointer { vocabulary.fields.lookup($0.baseAddress!, $0.count) }
    }
}
