/// What a log source (or a drill's wire) shows over time, kept in at most `bucketLimit` buckets whose
/// width doubles as the span grows, whatever the size of the logs: requests by class, the error answers
/// among them, in-flight peaks, stream events, the clock offset's range and heartbeats; plus a thinned
/// sample of retry delays and the longest heartbeat gaps. The HTML report draws it.
public struct LogTimeline: Codable, Sendable, Equatable {
    public static let bucketLimit = 240
    public static let retryPointLimit = 400
    public static let gapLimit = 8

    /// One stretch of `widthMs` from `index × widthMs` ms since the epoch.
    public struct Bucket: Codable, Sendable, Equatable {
        public var index: Int64
        public var publicRequests = 0
        public var privateRequests = 0
        /// Placements and cancellations (also counted as private).
        public var orderRequests = 0
        public var rateLimited = 0
        public var banned = 0
        public var serverErrors = 0
        public var authErrors = 0
        public var maxPublicInflight = 0
        public var maxPrivateInflight = 0
        public var connects = 0
        public var disconnects = 0
        public var reconnectAttempts = 0
        public var minOffsetMs: Double?
        public var maxOffsetMs: Double?
        public var heartbeats = 0

        public init(index: Int64) { self.index = index }

        public mutating func merge(_ other: Bucket) {
            publicRequests += other.publicRequests
            privateRequests += other.privateRequests
            orderRequests += other.orderRequests
            rateLimited += other.rateLimited
            banned += other.banned
            serverErrors += other.serverErrors
            authErrors += other.authErrors
            maxPublicInflight = max(maxPublicInflight, other.maxPublicInflight)
            maxPrivateInflight = max(maxPrivateInflight, other.maxPrivateInflight)
            connects += other.connects
            disconnects += other.disconnects
            reconnectAttempts += other.reconnectAttempts
            minOffsetMs = [minOffsetMs, other.minOffsetMs].compactMap { $0 }.min()
            maxOffsetMs = [maxOffsetMs, other.maxOffsetMs].compactMap { $0 }.max()
            heartbeats += other.heartbeats
        }
    }

    /// A retry: when it was sent, its attempt number, how long after the previous attempt, and the
    /// Retry-After that attempt's answer carried.
    public struct RetryPoint: Codable, Sendable, Equatable {
        public var atMs: Int64
        public var attempt: Int
        public var delayMs: Double
        public var retryAfterMs: Double?

        public init(atMs: Int64, attempt: Int, delayMs: Double, retryAfterMs: Double?) {
            self.atMs = atMs
            self.attempt = attempt
            self.delayMs = delayMs
            self.retryAfterMs = retryAfterMs
        }
    }

    public struct Gap: Codable, Sendable, Equatable {
        public var fromMs: Int64
        public var toMs: Int64

        public init(fromMs: Int64, toMs: Int64) {
            self.fromMs = fromMs
            self.toMs = toMs
        }
    }

    public var widthMs: Int64
    /// In time order; stretches with nothing in them are left out.
    public var buckets: [Bucket]
    /// Every `retryStride`-th retry seen, at most `retryPointLimit`.
    public var retries: [RetryPoint]
    public var retryStride: Int
    /// The longest gaps between heartbeats, longest first.
    public var heartbeatGaps: [Gap]
    /// The largest recvWindow the signed requests carried.
    public var recvWindowMs: Double?

    public init(widthMs: Int64 = 1000, buckets: [Bucket] = [], retries: [RetryPoint] = [], retryStride: Int = 1,
                heartbeatGaps: [Gap] = [], recvWindowMs: Double? = nil) {
        self.widthMs = widthMs
        self.buckets = buckets
        self.retries = retries
        self.retryStride = retryStride
        self.heartbeatGaps = heartbeatGaps
        self.recvWindowMs = recvWindowMs
    }

    public var startMs: Int64? { buckets.first.map { $0.index * widthMs } }
    public var endMs: Int64? { buckets.last.map { ($0.index + 1) * widthMs } }
    public var isEmpty: Bool { buckets.isEmpty }
}
