/// How many log records showed one thing (a finding's cause, or one kind of bad input), with the
/// first few places they are (file:line and what was seen).
public struct LogRecordTally: Codable, Sendable, Equatable {
    public static let sampleLimit = 5

    public var count: Int
    public var samples: [LogSample]

    public init(count: Int = 0, samples: [LogSample] = []) {
        self.count = count
        self.samples = samples
    }

    /// Counts one more; keeps its sample while there is room (the sample is only made then).
    public mutating func record(_ sample: @autoclosure () -> LogSample) {
        count += 1
        if samples.count < Self.sampleLimit { samples.append(sample()) }
    }

    public var isEmpty: Bool { count == 0 }
    public var locations: [SourceLocation] { samples.map(\.location) }
}
