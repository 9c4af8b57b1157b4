/// The largest value of one measurement in the request records, and where it was logged.
public struct RequestLogExtreme: Codable, Sendable, Equatable {
    public var value: Double
    public var location: SourceLocation

    public init(value: Double, location: SourceLocation) {
        self.value = value
        self.location = location
    }

    public var place: String { location.line.map { "\(location.file):\($0)" } ?? location.file }
}
