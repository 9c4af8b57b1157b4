/// How many request records showed one thing, with the first few places they showed it.
public struct RequestLogTally: Codable, Sendable, Equatable {
    public static let exampleLimit = 5

    public var count: Int
    public var examples: [LogSample]

    public init(count: Int = 0, examples: [LogSample] = []) {
        self.count = count
        self.examples = examples
    }

    public var isEmpty: Bool { count == 0 }

    /// The examples as log evidence, each with its own detail when it has one.
    public func citations(_ detail: String) -> [EvidenceRef] {
        examples.map { EvidenceRef(.logs, at: $0.location, $0.detail.map { "\(detail): \($0)" } ?? detail) }
    }

    /// "app.log:12, app.log:40" for a finding's text.
    public var exampleText: String {
        examples.map { location in
            let place = location.location
            return place.line.map { "\(place.file):\($0)" } ?? place.file
        }.joined(separator: ", ")
    }
}
