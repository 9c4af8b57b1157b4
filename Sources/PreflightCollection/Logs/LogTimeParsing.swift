/// Reads log times into nanoseconds since the Unix epoch, straight from bytes.
enum LogTimeParsing {
    enum EpochUnit: Int64 {
        case seconds = 1_000_000_000
        case milliseconds = 1_000_000
        case microseconds = 1_000
        case nanoseconds = 1
    }

    /// The unit an epoch number is in, judged by its size: seconds stay below 1e11 until the year
    /// 5138, while milliseconds pass 1e11 in 1973 (and so on for µs and ns).
    static func unit(forMagnitude whole: Int64) -> EpochUnit {
        let magnitude = whole.magnitude
        if magnitude < 100_000_000_000 { return .seconds }
        if magnitude < 100_000_000_000_000 { return .milliseconds }
        if magnitude < 100_000_000_000_000_000 { return .microseconds }
        return .nanoseconds
    }

    /// `1700000000`, `1700000000.123456`, `1700000000123`; a forced unit, or one judged by size.
    static func epoch(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, unit forced: EpochUnit?) -> Int64? {
        var i = start
        let negative = i < end && p[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let wholeStart = i
        var whole: Int64 = 0
        while i < end, p[i] &- UInt8(ascii: "0") < 10 {
            // 18 digits always fit; a 19th may not.
            guard i - wholeStart < 19 else { return nil }
            let (shifted, over) = whole.multipliedReportingOverflow(by: 10)
            let (next, past) = shifted.addingReportingOverflow(Int64(p[i] &- UInt8(ascii: "0")))
            guard !over, !past else { return nil }
            whole = next
            i += 1
        }
        guard i > wholeStart else { return nil }
        var fraction: Int64 = 0
        var fractionScale: Int64 = 1
        if i < end, p[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < end, p[i] &- UInt8(ascii: "0") < 10 {
                if fractionScale < 1_000_000_000 {
                    fraction = fraction * 10 + Int64(p[i] &- UInt8(ascii: "0"))
                    fractionScale *= 10
                }
                i += 1
            }
            guard i > fractionStart else { return nil }
        }
        if i < end, p[i] | 0x20 == UInt8(ascii: "e") {
            // Rare (`1.7e9`): go through a Double, losing sub-microsecond precision.
            guard let value = LogLineParser.decimal(p, start, end), value.isFinite, value.magnitude < 9e18 else {
                return nil
            }
            guard let rounded = Int64(exactly: value.rounded(.towardZero)) else { return nil }
            let unit = forced ?? unit(forMagnitude: rounded)
            return Int64(exactly: (value * Double(unit.rawValue)).rounded(.towardZero))
        }
        guard i == end else { return nil }
        let unit = forced ?? unit(forMagnitude: whole)
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: unit.rawValue)
        // fraction < fractionScale ≤ 10^9 and unit ≤ 10^9: the product fits.
        let (total, past) = scaled.addingReportingOverflow(fraction * unit.rawValue / fractionScale)
        guard !overflow, !past else { return nil }
        return negative ? -total : total
    }

    /// `2024-03-01T12:00:00Z`, `2024-03-01T12:00:00.123456+02:00`, `2024-03-01 12:00:00,123`
    /// (python's asctime). Without an offset the time is taken as UTC.
    static func iso8601(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        var cursor = ByteCursor(p: p, end: end, i: start)
        guard let year = cursor.digits(4), cursor.expect(UInt8(ascii: "-")), let month = cursor.digits(2),
            cursor.expect(UInt8(ascii: "-")), let day = cursor.digits(2), !cursor.atEnd
        else { return nil }
        guard cursor.byte | 0x20 == UInt8(ascii: "t") || cursor.byte == UInt8(ascii: " ") else { return nil }
        cursor.i += 1
        guard let hour = cursor.digits(2), cursor.expect(UInt8(ascii: ":")), let minute = cursor.digits(2) else { return nil }
        var second = 0
        if cursor.expect(UInt8(ascii: ":")) {
            guard let written = cursor.digits(2) else { return nil }
            second = written
        }
        guard let nanosecond = cursor.fractionNanoseconds(), let offsetSeconds = cursor.utcOffsetSeconds(),
            cursor.atEnd, (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour <= 23,
            minute <= 59, second <= 60
        else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        // Four-digit years reach 2.5e11 s either side of 1970: seconds fit, nanoseconds may not.
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        let (scaled, over) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, past) = scaled.addingReportingOverflow(nanosecond)
        return over || past ? nil : total
    }

    /// A read position in a timestamp's bytes, `p[i..<end]` still to read.
    private struct ByteCursor {
        let p: UnsafePointer<UInt8>
        let end: Int
        var i: Int

        var atEnd: Bool { i == end }
        /// The next byte; only when not at the end.
        var byte: UInt8 { p[i] }

        mutating func digits(_ count: Int) -> Int? {
            guard i + count <= end else { return nil }
            var value = 0
            for _ in 0..<count {
                let digit = p[i] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
                i += 1
            }
            return value
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            guard i < end, p[i] == byte else { return false }
            i += 1
            return true
        }

        /// `.123456` or `,123` as nanoseconds; 0 when none is written, nil for a separator without digits.
        mutating func fractionNanoseconds() -> Int64? {
            guard i < end, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ",") else { return 0 }
            i += 1
            var nanosecond: Int64 = 0
            var scale: Int64 = 100_000_000
            let fractionStart = i
            while i < end, p[i] &- UInt8(ascii: "0") < 10 {
                nanosecond += Int64(p[i] &- UInt8(ascii: "0")) * scale
                scale /= 10
                i += 1
            }
            return i > fractionStart ? nanosecond : nil
        }

        /// `Z`, `+02:00` or `-0530` as seconds east of UTC; 0 when none is written, nil when malformed.
        mutating func utcOffsetSeconds() -> Int? {
            guard i < end else { return 0 }
            if p[i] | 0x20 == UInt8(ascii: "z") {
                i += 1
                return 0
            }
            guard p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") else { return 0 }
            let sign = p[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let offsetHours = digits(2) else { return nil }
            var offsetMinutes = 0
            if i < end {
                _ = expect(UInt8(ascii: ":"))
                guard let written = digits(2) else { return nil }
                offsetMinutes = written
            }
            guard offsetHours <= 23, offsetMinutes <= 59 else { return nil }
            return sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date, counting in 400-year eras that start
    /// on 1 March (so the leap day falls at the end of a year).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let monthFromMarch = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
