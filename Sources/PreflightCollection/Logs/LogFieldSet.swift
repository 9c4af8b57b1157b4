/// Which fields a record carried (the key was there, whatever its value), for field-coverage rules.
public struct LogFieldSet: Sendable, Hashable {
    public var rawValue: UInt64

    public init(rawValue: UInt64 = 0) { self.rawValue = rawValue }

    public init(_ fields: [LogField]) {
        rawValue = 0
        for field in fields { insert(field) }
    }

    public func contains(_ field: LogField) -> Bool { rawValue & Self.bit(field) != 0 }
    public mutating func insert(_ field: LogField) { rawValue |= Self.bit(field) }

    private static func bit(_ field: LogField) -> UInt64 { 1 << UInt64(field.index) }
}
