/// B3: how many attempts each request made, as the logs link them (request id, else client order id, else
/// endpoint and method with an attempt number).
public struct RetryAttemptFacts: Codable, Sendable, Equatable {
    /// The last histogram key counts this many attempts or more.
    public static let histogramCap = 16

    /// Request records seen: api_request, order_submit, order_cancel.
    public var requests = 0
    /// Request records that carried an attempt number, request id or client order id, so retries can be linked.
    public var linkableRequests = 0
    /// Request records whose attempt number was worked out from a countdown of retries left (freqtrade's
    /// "Retrying still for N times"): such numbers are lower bounds.
    public var countdownNumberedRequests = 0
    /// Distinct requests (retry chains, single attempts included) and how many of them were retried.
    public var chains = 0
    public var retriedChains = 0
    /// Chains by their number of attempts (the attempt field when it is higher than the attempts seen).
    public var histogram: [Int: Int] = [:]
    /// The chains with the most attempts, most first.
    public var mostAttempts: [RetryChainExample] = []

    public init() {}

    /// The most attempts any request made.
    public var maxAttempts: Int { mostAttempts.first?.attempts ?? (chains > 0 ? 1 : 0) }

    /// Chains with more than `limit` attempts.
    public func chains(over limit: Int) -> Int { histogram.filter { $0.key > limit }.values.reduce(0, +) }
}
