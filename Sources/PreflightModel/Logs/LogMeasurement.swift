/// A measured value from the logs and the record it was measured at (the worst one seen).
public struct LogMeasurement: Codable, Sendable, Equatable {
    public var value: Double
    public var location: SourceLocation
    public var detail: String?

    public init(value: Double, location: SourceLocation, detail: String? = nil) {
        self.value = value
        self.location = location
        self.detail = detail
    }
}
