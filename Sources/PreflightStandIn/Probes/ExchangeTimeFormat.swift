import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The timestamp spellings the exchanges use, written and parsed by hand (UTC, no locale, no formatter state).
enum ExchangeTimeFormat {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func utcFields(_ seconds: Int64) -> tm {
        var time = time_t(seconds)
        var fields = tm()
        gmtime_r(&time, &fields)
        return fields
    }

    private static func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `2024-02-27T03:37:14Z`
    static func isoSeconds(epochSeconds: Int64) -> String {
        let t = utcFields(epochSeconds)
        return "\(1900 + t.tm_year)-\(two(t.tm_mon + 1))-\(two(t.tm_mday))T\(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec))Z"
    }

    static func isoSeconds(_ date: Date) -> String {
        isoSeconds(epochSeconds: Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// Kraken's `rfc1123` field: `Thu, 06 Jul 23 18:50:48 +0000` (two-digit year, as Kraken writes it).
    static func krakenRFC1123(epochSeconds: Int64) -> String {
        let t = utcFields(epochSeconds)
        let year = (1900 + t.tm_year) % 100
        return "\(weekdays[Int(t.tm_wday)]), \(two(t.tm_mday)) \(months[Int(t.tm_mon)]) \(two(Int32(year))) \(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec)) +0000"
    }

    /// Parses OKX's `OK-ACCESS-TIMESTAMP`, exactly `yyyy-MM-ddTHH:mm:ss.SSSZ`, into epoch milliseconds.
    static func parseISOMilliseconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 24, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              bytes[19] == UInt8(ascii: "."), bytes[23] == UInt8(ascii: "Z")
        else { return nil }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int32(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              let millis = number(20..<23),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var fields = tm()
        fields.tm_year = year - 1900
        fields.tm_mon = month - 1
        fields.tm_mday = day
        fields.tm_hour = hour
        fields.tm_min = minute
        fields.tm_sec = second
        return Int64(timegm(&fields)) * 1000 + Int64(millis)
    }
}
