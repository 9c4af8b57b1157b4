/// How many of the records that should carry a field did carry it, with examples of records that did not.
public struct RequestFieldCoverage: Codable, Sendable, Equatable {
    public var field: String
    public var records: Int
    public var carried: Int
    /// Records without the field (the first few).
    public var missing: LogRecordTally

    public init(field: String, records: Int = 0, carried: Int = 0, missing: LogRecordTally = LogRecordTally()) {
        self.field = field
        self.records = records
        self.carried = carried
        self.missing = missing
    }

    /// The share of records carrying the field, 0...1; nil when there were no records.
    public var share: Double? { records == 0 ? nil : Double(carried) / Double(records) }

    /// "97.5%" (one decimal, never rounded up to 100% while a record lacks the field).
    public var percentText: String {
        guard let share else { return "n/a" }
        let tenths = (share * 1000).rounded(.down) / 10
        return tenths == tenths.rounded() ? "\(Int(tenths))%" : "\(tenths)%"
    }
}
