/// C4: 4xx answers other than 401/403/418/429, and the exchange's parameter and filter codes, and retries after them.
public struct ValidationFailureFacts: Codable, Sendable, Equatable {
    public var failures = LogRecordTally()
    public var retries = LogRecordTally()

    public init(failures: LogRecordTally = LogRecordTally(), retries: LogRecordTally = LogRecordTally()) {
        self.failures = failures
        self.retries = retries
    }
}
