import PreflightModel

// Reading captured values: text, numbers, flags and times, straight from the line's bytes.

extension LogLineParser {
    func text(_ p: UnsafePointer<UInt8>, _ value: LogValueSpan) -> String? {
        let start = Int(value.start), end = Int(value.end)
        switch value.kind {
        case .string, .bare, .number:
            return String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
        case .escapedString: return decodeEscapes(p, start, end)
        case .trueLiteral: return "true"
        case .falseLiteral: return "false"
        case .null, .compound: return nil
        }
    }

    /// The digits of a number, in a number or a string (`"200"`); a whole-valued decimal (`200.0`) too.
    func integer(_ p: UnsafePointer<UInt8>, _ value: LogValueSpan) -> Int? {
        switch value.kind {
        case .number, .string, .bare:
            let start = Int(value.start), end = Int(value.end)
            if let whole = Self.integer(p, start, end) { return Int(whole) }
            guard let number = Self.decimal(p, start, end), number.rounded() == number, abs(number) < 9e15 else {
                return nil
            }
            return Int(exactly: number)
        default:
            return nil
        }
    }

    func number(_ p: UnsafePointer<UInt8>, _ value: LogValueSpan) -> Double? {
        switch value.kind {
        case .number, .string, .bare: Self.decimal(p, Int(value.start), Int(value.end))
        default: nil
        }
    }

    func flag(_ p: UnsafePointer<UInt8>, _ value: LogValueSpan) -> Bool? {
        switch value.kind {
        case .trueLiteral: return true
        case .falseLiteral: return false
        case .number, .string, .bare:
            let start = Int(value.start), count = Int(value.end - value.start)
            guard count > 0 else { return nil }
            switch (count, p[start] | 0x20) {
            case (1, UInt8(ascii: "1")), (4, UInt8(ascii: "t")), (3, UInt8(ascii: "y")): return true
            case (1, UInt8(ascii: "0")), (5, UInt8(ascii: "f")), (2, UInt8(ascii: "n")): return false
            default: return nil
            }
        default:
            return nil
        }
    }

    /// A time field: ISO 8601 text, or an epoch number whose unit is forced or read from its size.
    func instant(_ p: UnsafePointer<UInt8>, _ value: LogValueSpan, format: LogsSection.TimeFormat) -> LogInstant? {
        let start = Int(value.start), end = Int(value.end)
        let isText = value.kind == .string || value.kind == .bare
        guard isText || value.kind == .number else { return nil }
        let nanoseconds: Int64?
        switch format {
        case .iso8601:
            nanoseconds = isText ? LogTimeParsing.iso8601(p, start, end) : nil
        case .auto:
            if isText, end - start >= 16, p[start + 4] == UInt8(ascii: "-") {
                nanoseconds = LogTimeParsing.iso8601(p, start, end)
            } else {
                nanoseconds = LogTimeParsing.epoch(p, start, end, unit: nil)
            }
        case .epochSeconds: nanoseconds = LogTimeParsing.epoch(p, start, end, unit: .seconds)
        case .epochMillis: nanoseconds = LogTimeParsing.epoch(p, start, end, unit: .milliseconds)
        case .epochMicros: nanoseconds = LogTimeParsing.epoch(p, start, end, unit: .microseconds)
        case .epochNanos: nanoseconds = LogTimeParsing.epoch(p, start, end, unit: .nanoseconds)
        }
        return nanoseconds.flatMap(LogInstant.init(checkedNanoseconds:))
    }

    /// An optionally signed run of decimal digits that fits an Int64.
    static func integer(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        var i = start
        let negative = i < end && p[i] == UInt8(ascii: "-")
        if negative || (i < end && p[i] == UInt8(ascii: "+")) { i += 1 }
        guard i < end, end - i <= 18 else { return nil }
        var value: Int64 = 0
        while i < end {
            let digit = p[i] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            i += 1
        }
        return negative ? -value : value
    }

    /// A decimal number (`12`, `-0.5`, `1.2e3`). Exact for up to 15 significant digits and
    /// exponents within ±22; close enough beyond for the durations and offsets logs hold.
    static func decimal(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        let negative = i < end && p[i] == UInt8(ascii: "-")
        if negative || (i < end && p[i] == UInt8(ascii: "+")) { i += 1 }
        var mantissa: UInt64 = 0
        var exponent = 0
        var digits = 0
        while i < end, p[i] &- UInt8(ascii: "0") < 10 {
            if mantissa < 100_000_000_000_000_000 {
                mantissa = mantissa * 10 + UInt64(p[i] &- UInt8(ascii: "0"))
            } else {
                exponent += 1
            }
            digits += 1
            i += 1
        }
        if i < end, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, p[i] &- UInt8(ascii: "0") < 10 {
                if mantissa < 100_000_000_000_000_000 {
                    mantissa = mantissa * 10 + UInt64(p[i] &- UInt8(ascii: "0"))
                    exponent -= 1
                }
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        if i < end, p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            let negativeExponent = i < end && p[i] == UInt8(ascii: "-")
            if negativeExponent || (i < end && p[i] == UInt8(ascii: "+")) { i += 1 }
            guard i < end else { return nil }
            var written = 0
            while i < end, p[i] &- UInt8(ascii: "0") < 10 {
                written = min(written * 10 + Int(p[i] &- UInt8(ascii: "0")), 1000)
                i += 1
            }
            exponent += negativeExponent ? -written : written
        }
        guard i == end else { return nil }
        var value = Double(mantissa)
        if exponent < 0 {
            value /= exponent >= -22 ? powersOfTen[-exponent] : tenToThe(-exponent)
        } else if exponent > 0 {
            value *= exponent <= 22 ? powersOfTen[exponent] : tenToThe(exponent)
        }
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...22).map { tenToThe($0) }

    private static func tenToThe(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(exponent, 400) { result *= 10 }
        return result
    }

    /// Decodes backslash escapes (JSON's set; an unknown escape keeps its character).
    func decodeEscapes(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        var i = start
        var pendingHighSurrogate: UInt32?
        func append(_ scalar: UInt32) {
            let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            bytes.append(contentsOf: Array(String(Character(unicode)).utf8))
        }
        while i < end {
            let byte = p[i]
            guard byte == UInt8(ascii: "\\"), i + 1 < end else {
                bytes.append(byte)
                i += 1
                continue
            }
            let escape = p[i + 1]
            i += 2
            if escape == UInt8(ascii: "u"), i + 4 <= end,
                let code = UInt32(String(decoding: UnsafeBufferPointer(start: p + i, count: 4), as: UTF8.self), radix: 16)
            {
                i += 4
                if (0xD800..<0xDC00).contains(code) {
                    pendingHighSurrogate = code
                    continue
                }
                if (0xDC00..<0xE000).contains(code), let high = pendingHighSurrogate {
                    append(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))
                } else {
                    append(code)
                }
                pendingHighSurrogate = nil
                continue
            }
            pendingHighSurrogate = nil
            switch escape {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            default: bytes.append(escape)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
