/// systemd's printed time spans (`34min 8s`, `1min 4s`, `32s`, `500ms`, `0`) as seconds.
enum SystemdDuration {
    static let units: [String: Double] = [
        "us": 1e-6, "µs": 1e-6, "usec": 1e-6, "ms": 1e-3, "msec": 1e-3, "s": 1, "sec": 1, "m": 60, "min": 60,
        "h": 3_600, "hr": 3_600, "d": 86_400, "w": 604_800, "month": 2_629_800, "M": 2_629_800, "y": 31_557_600,
    ]

    static let maximumSeconds = 100 * 31_557_600.0

    /// nil for text that is not a span, or one outside ±100 years.
    static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "0" { return 0 }
        var total = 0.0
        var sawPart = false
        for token in trimmed.split(separator: " ") {
            var number = Substring(token)
            var sign = 1.0
            if let first = number.first, first == "+" || first == "-" {
                sign = first == "-" ? -1 : 1
                number = number.dropFirst()
            }
            guard let unitStart = number.firstIndex(where: { !$0.isNumber && $0 != "." }),
                  let value = Double(number[..<unitStart]),
                  let unit = units[String(number[unitStart...])]
            else { return nil }
            total += sign * value * unit
            sawPart = true
        }
        // A span past a century is no poll interval or age a time service prints: unexpected output.
        return sawPart && total.isFinite && abs(total) <= maximumSeconds ? total : nil
    }
}
