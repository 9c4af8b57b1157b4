/// How many log records showed one thing, with the first few places they are (file:line and what was seen).
public struct LogRecordTally: Codable, Sendable, Equatable {
    public static let sampleLimit = 5

    public var count: Int
    public var samples: [LogSample]

    public init(count: Int = 0, samples: [LogSample] = []) {
        self.count = count
        self.samples = samples
    }

    public var isEmpty: Bool { count == 0 }
    public var locations: [SourceLocation] { samples.map(\.location) }
}
