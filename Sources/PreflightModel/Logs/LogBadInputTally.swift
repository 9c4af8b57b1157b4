/// How often one kind of bad input occurred, with the first few places it occurred.
public struct LogBadInputTally: Codable, Sendable, Equatable {
    public static let sampleLimit = 5

    public var count: Int
    public var samples: [LogSample]

    public init(count: Int = 0, samples: [LogSample] = []) {
        self.count = count
        self.samples = samples
    }

    public mutating func record(_ sample: @autoclosure () -> LogSample) {
        count += 1
        if samples.count < Self.sampleLimit { samples.append(sample()) }
    }
}
