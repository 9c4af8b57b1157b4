/// The bot's health endpoint as the drill polled it: per phase, how often it answered and with what.
public struct DrillHealthRecord: Codable, Sendable, Equatable {
    /// One phase's polls.
    public struct Phase: Codable, Sendable, Equatable {
        public var name: String
        public var faults: [String]
        public var polls: Int
        /// Polls that got no HTTP answer (refused, timed out).
        public var unanswered: Int
        /// Each distinct answer, "STATUS DIGEST" (the body's digest), and how often it came.
        public var answers: [String: Int]
        public var firstPoll: SourceLocation?

        public init(name: String, faults: [String], polls: Int = 0, unanswered: Int = 0, answers: [String: Int] = [:], firstPoll: SourceLocation? = nil) {
            self.name = name
            self.faults = faults
            self.polls = polls
            self.unanswered = unanswered
            self.answers = answers
            self.firstPoll = firstPoll
        }

        /// The statuses answered, lowest first.
        public var statuses: [Int] {
            Set(answers.keys.compactMap { $0.split(separator: " ").first.flatMap { Int($0) } }).sorted()
        }

        /// The phase's streams were down or silent on purpose.
        public var streamsDown: Bool { faults.contains("ws_disconnect") || faults.contains("stale_stream") }
    }

    /// The endpoint polled (a loopback URL).
    public var url: String
    /// Why it was not polled (not on 127.0.0.1, not http); nil when it was.
    public var notPolled: String?
    public var intervalSeconds: Double
    public var phases: [Phase]

    public init(url: String, notPolled: String? = nil, intervalSeconds: Double, phases: [Phase] = []) {
        self.url = url
        self.notPolled = notPolled
        self.intervalSeconds = intervalSeconds
        self.phases = phases
    }
}
