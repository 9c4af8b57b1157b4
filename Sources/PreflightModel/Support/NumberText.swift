import Foundation

/// Numbers as findings print them, for any value a bundle or a log may carry: whole numbers as integers,
/// and what no integer holds (1e300, infinity, NaN) in exponent notation instead of trapping on `Int(_:)`.
public enum NumberText {
    /// `1500` for 1499.6; `1e+19` for a value past Int64; `inf`, `nan` as such.
    public static func whole(_ value: Double) -> String {
        if let integer = Int64(exactly: value.rounded()) { return String(integer) }
        return plain(value)
    }

    /// `12`, `0.25`, `1e+13`: the shortest text that reads back as the value.
    public static func plain(_ value: Double) -> String {
        if let integer = Int64(exactly: value), abs(value) < 1e15 { return String(integer) }
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return abs(value) >= 1e15 || (abs(value) < 1e-4 && value != 0) ? String(format: "%g", value) : "\(value)"
    }

    /// One decimal at most: `87.5`, `90` (scores, percentages, seconds).
    public static func short(_ value: Double) -> String {
        value == value.rounded() ? whole(value) : String(format: "%.1f", value)
    }

    /// Always one decimal, rounded half up: `2.0`, `0.3`; exponent notation where no integer holds it.
    public static func tenths(_ value: Double) -> String {
        guard let tenths = Int64(exactly: (value * 10).rounded()), abs(tenths) < 1_000_000_000_000_000 else { return plain(value) }
        return "\(tenths < 0 ? "-" : "")\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// `0…1e+10`, for saying what a value should have been.
    public static func range(_ range: ClosedRange<Double>?) -> String {
        guard let range else { return "its range" }
        return "\(plain(range.lowerBound))…\(plain(range.upperBound))"
    }
}
