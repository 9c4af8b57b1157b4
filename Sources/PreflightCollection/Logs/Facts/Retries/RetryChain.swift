import PreflightModel

/// The attempts of one request seen so far; kept open only while its last attempt failed.
struct RetryChain {
    var serial: UInt64
    /// Attempts seen, or the attempt field when higher (the sample may start mid-chain).
    var attempts: Int
    var lastAttempt: Int
    var lastTime: LogInstant
    var lastPosition: LogPosition
    var lastFailure: RequestFailureClass?
    var lastStatus: Int?
    var lastErrorCode: String?
    var lastRetryAfterSeconds: Double?
    var metPlatformFailure = false
    var retried = false
    /// The one re-signed re-send a timestamp rejection allows, after a fresh server-time query, was made.
    var timestampRemedyUsed = false
    var endpoint: String?

    /// "HTTP 401", "code -1022", "HTTP 400 code -1013": what the last attempt got.
    var lastResponse: String { RetryChain.describe(status: lastStatus, errorCode: lastErrorCode) }

    static func describe(status: Int?, errorCode: String?) -> String {
        switch (status, errorCode) {
        case let (status?, code?): "HTTP \(status) code \(code)"
        case let (status?, nil): "HTTP \(status)"
        case let (nil, code?): "code \(code)"
        case (nil, nil): "a failure"
        }
    }
}

/// The chains with the most attempts, most first (ties keep the earliest).
struct TopChains {
    static let limit = 5
    private(set) var entries: [(attempts: Int, endpoint: String?, position: LogPosition)] = []

    func accepts(_ attempts: Int) -> Bool {
        entries.count < Self.limit || entries[entries.count - 1].attempts < attempts
    }

    mutating func offer(_ chain: RetryChain) {
        offer(attempts: chain.attempts, endpoint: chain.endpoint, position: chain.lastPosition)
    }

    mutating func offer(attempts: Int, endpoint: String?, position: LogPosition) {
        guard accepts(attempts) else { return }
        let index = entries.firstIndex { $0.attempts < attempts } ?? entries.endIndex
        entries.insert((attempts, endpoint, position), at: index)
        if entries.count > Self.limit { entries.removeLast() }
    }

    func examples(in scan: LogScan) -> [RetryChainExample] {
        entries.map { RetryChainExample(attempts: $0.attempts, endpoint: $0.endpoint, location: scan.location(of: $0.position)) }
    }
}
