/// An amount in units of 10⁻⁸ (Binance's 8 decimals), parsed and printed without floating point.
struct FixedPoint: Sendable, Hashable, Comparable {
    static let scale: Int64 = 100_000_000
    /// Amounts above this (10¹⁰ whole units) are refused, so every amount fits in 64 bits of 10⁻⁸ units.
    static let maximumWhole: Int64 = 10_000_000_000

    var units: Int64

    init(units: Int64) { self.units = units }

    init(whole: Int64) { units = whole * Self.scale }

    static let zero = FixedPoint(units: 0)

    enum ParseFailure: Error, Equatable {
        case malformed
        /// More than 8 decimals.
        case tooPrecise
        case tooLarge
    }

    /// "0.001", "97000", "1.5e-3" is malformed (Binance takes plain decimals only).
    static func parse(_ text: Substring) throws(ParseFailure) -> FixedPoint {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenPoint = false
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "."):
                guard !seenPoint else { throw .malformed }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint {
                    fractionDigits += 1
                    if fractionDigits > 8 {
                        if digit != 0 { throw .tooPrecise }
                        continue
                    }
                    fraction = fraction * 10 + digit
                } else {
                    whole = whole * 10 + digit
                    if whole > maximumWhole { throw .tooLarge }
                }
            default:
                throw .malformed
            }
        }
        guard digits > 0 else { throw .malformed }
        while fractionDigits < 8 {
            fraction *= 10
            fractionDigits += 1
        }
        return FixedPoint(units: whole * scale + fraction)
    }

    static func parse(_ text: String) throws(ParseFailure) -> FixedPoint { try parse(Substring(text)) }

    /// "97000.12000000": always 8 decimals, as Binance prints amounts.
    var text: String {
        let negative = units < 0
        let magnitude = units.magnitude
        let whole = magnitude / UInt64(Self.scale)
        let fraction = String(magnitude % UInt64(Self.scale))
        return (negative ? "-" : "") + "\(whole)." + String(repeating: "0", count: 8 - fraction.count) + fraction
    }

    /// From a price the market computed in floating point, rounded down to a multiple of `tick`.
    init(_ value: Double, tick: FixedPoint) {
        let raw = (value * Double(Self.scale)).rounded(.down)
        let clamped = max(0, min(raw, Double(Self.maximumWhole * Self.scale)))
        let units = Int64(clamped)
        self.units = tick.units > 0 ? units - units % tick.units : units
    }

    var double: Double { Double(units) / Double(Self.scale) }

    /// price × quantity, both in 10⁻⁸ units, as a 10⁻⁸ amount (rounded toward zero); nil past `maximumWhole`.
    func times(_ other: FixedPoint) -> FixedPoint? {
        guard abs(double * other.double) < Double(Self.maximumWhole) else { return nil }
        let product = units.multipliedFullWidth(by: other.units)
        return FixedPoint(units: Self.scale.dividingFullWidth(product).quotient)
    }

    func isMultiple(of step: FixedPoint) -> Bool { step.units <= 0 || units % step.units == 0 }

    static func + (lhs: FixedPoint, rhs: FixedPoint) -> FixedPoint { FixedPoint(units: lhs.units + rhs.units) }
    static func - (lhs: FixedPoint, rhs: FixedPoint) -> FixedPoint { FixedPoint(units: lhs.units - rhs.units) }
    static func < (lhs: FixedPoint, rhs: FixedPoint) -> Bool { lhs.units < rhs.units }
}
