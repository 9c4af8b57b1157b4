import PreflightModel

/// Links the attempts of each request into retry chains and measures what the retry items need.
/// Only chains whose last attempt failed stay open (a success closes its chain at once), the open
/// chains are capped and evicted by age, and every distribution is bounded: memory does not grow with the log.
struct RetryLogFactsBuilder: LogFactsBuilder {
    let context: LogFactsContext

    /// How long after a failure an escalation, kill_switch or open circuit_breaker record may come.
    static let escalationWindowNanoseconds: Int64 = 60_000_000_000
    /// A chain untouched this long is over: the next attempt with its key starts a new request.
    static let chainHorizonNanoseconds: Int64 = 300_000_000_000
    static let openChainLimit = 4096
    static let awaitingLimit = 4096
    static let pendingOrderLimit = 256
    static let delayAttemptLimit = 16

    private struct AwaitingEscalation {
        var serial: UInt64
        var failure: RequestFailureClass
        var time: LogInstant
        var position: LogPosition
        var response: String
        var endpoint: String?
    }

    private struct UnknownOutcomeOrder {
        var clientOrderID: String?
        var line: Int
        var time: LogInstant
        /// The chain whose last attempt left the outcome unknown: a status query ends it.
        var serial: UInt64
    }

    private let floorMs: Double
    private var requests = 0
    private var linkable = 0
    private var countdownNumbered = 0
    private var chainCount = 0
    private var retriedChains = 0
    private var histogram = [Int](repeating: 0, count: RetryLogFacts.attemptsHistogramCap + 1)
    private var most = TopChains()
    private var platformHistogram: [Int: Int] = [:]
    private var mostPlatform = TopChains()
    private var openChains: [Int: RetryChain] = [:]
    private var nextSerial: UInt64 = 0
    private var latest: LogInstant?

    private var rateLimitResponses = CitedPositions()
    private var retriesAfterRateLimit = 0
    private var retriesWithLoggedRetryAfter = 0
    private var retriesWithDocumentedRetryAfter = 0
    private var earlyRetries = CitedPositions()
    private var shortestWaitMs: Double?
    private var delays: [Int: DelayReservoir] = [:]
    private var authFailures = CitedPositions()
    /// The latest query of the exchange's server time, and re-sends allowed by it after a timestamp rejection.
    private var lastTimeQuery: LogInstant?
    private var timestampRemedies = CitedPositions()
    private let timestampCodes: Set<String>
    private var authRetries = CitedPositions()
    private var authWithoutEscalation = CitedPositions()
    private var authUndecided = 0
    /// One tracker per source, as a rate only means something within a source; sources are read one after another.
    private var backpressure = BackpressureTracker()
    private var backpressureFile: Int?
    private var latestInFile: LogInstant?
    private var finishedBackpressure: [(fileIndex: Int, tracker: BackpressureTracker)] = []
    private var platformFailures = CitedPositions()
    private var platformRetries = 0
    private var platformGivenUp = 0
    private var platformEscalated = 0
    private var platformWithoutEscalation = CitedPositions()
    private var platformUndecided = 0
    private var unknownOutcomeOrders = CitedPositions()
    private var resentNew = CitedPositions()
    private var resentSame = 0
    private var statusQueried = 0
    private var pendingOrders: [String: UnknownOutcomeOrder] = [:]
    private var oldestPendingOrder: LogInstant?
    private var validationFailures = CitedPositions()
    private var validationRetries = CitedPositions()
    private var escalations = 0
    /// In reading order; deadlines are checked from the front as time moves on.
    private var awaiting: [AwaitingEscalation] = []
    private var awaitingHead = 0

    init(context: LogFactsContext) {
        self.context = context
        floorMs = context.policy[.backoffFloorMs]
        timestampCodes = TimestampRejectionCodes.codes(for: context.exchange)
    }

    mutating func consume(_ event: LogEvent) {
        if latest.map({ event.time > $0 }) ?? true { latest = event.time }
        if event.position.fileIndex == backpressureFile, latestInFile.map({ event.time > $0 }) ?? true { latestInFile = event.time }
        if awaitingHead < awaiting.count { expireAwaiting(before: event.time) }
        switch event.kind {
        case .apiRequest, .orderSubmit, .orderCancel:
            consumeRequest(event)
        case .escalation, .killSwitch:
            escalate(at: event.time)
        case .circuitBreaker:
            if Self.opens(event.breakerState) { escalate(at: event.time) }
        case .reconcile:
            clearPendingOrders(queried: nil)
        default:
            break
        }
    }

    private static func opens(_ state: String?) -> Bool {
        guard let state = state?.lowercased() else { return true }
        return !(state.hasPrefix("close") || state.hasPrefix("half"))
    }

    // MARK: requests

    private mutating func consumeRequest(_ event: LogEvent) {
        requests += 1
        if event.kind == .apiRequest, ServerTimeEndpoint.matches(event.endpoint, exchange: context.exchange) {
            lastTimeQuery = event.time
        }
        let failure = RequestFailureClass.classify(status: event.status, errorCode: event.errorCode, exchange: context.exchange)
        // order_submit and order_cancel usually repeat an api_request record: count the HTTP calls once.
        if event.kind == .apiRequest {
            if backpressureFile != event.position.fileIndex { switchBackpressureSource(to: event.position.fileIndex) }
            backpressure.record(
                time: event.time, inflightCount: event.concurrencyInflight, rateLimited: failure == .rateLimit,
                position: event.position
            )
        }
        switch failure {
        case .rateLimit: rateLimitResponses.record(event.position, Self.describe(event))
        case .auth: authFailures.record(event.position, Self.describe(event))
        case .platform: platformFailures.record(event.position, Self.describe(event))
        case .validation: validationFailures.record(event.position, Self.describe(event))
        case .other, nil: break
        }
        if event.requestID != nil || event.clientOrderID != nil || event.attempt != nil { linkable += 1 }
        if event.attemptFromCountdown { countdownNumbered += 1 }
        if event.retryFollows, let failure { announcedRetry(after: failure, event) }
        if let oldest = oldestPendingOrder, event.time.nanoseconds &- oldest.nanoseconds > Self.chainHorizonNanoseconds {
            expirePendingOrders(now: event.time)
        }
        // The common case: a success that cannot continue an open chain (first attempt, or nothing open)
        // and no order awaiting a status query. It is a request of its own; no key, no chain.
        if failure == nil, pendingOrders.isEmpty, event.attempt == 1 || openChains.isEmpty {
            closeSingle(event)
            return
        }
        if !pendingOrders.isEmpty, event.isOrderStatusQuery { clearPendingOrders(queried: event.clientOrderID) }

        let key = RequestFingerprint.linkable(event)
        let open = key.flatMap { openChains[$0] }
        if open == nil, failure == nil, pendingOrders.isEmpty {
            closeSingle(event)
            return
        }
        var chain: RetryChain
        var continued = false
        if let open {
            let fresh = event.time.nanoseconds &- open.lastTime.nanoseconds <= Self.chainHorizonNanoseconds
            let next = event.attempt.map { $0 > open.lastAttempt } ?? true
            if fresh && next {
                chain = open
                continued = true
                retry(&chain, with: event)
            } else {
                close(open)
                chain = newChain(event)
            }
        } else {
            chain = newChain(event)
        }
        chain.lastTime = event.time
        chain.lastPosition = event.position
        chain.lastFailure = failure
        chain.lastStatus = event.status
        chain.lastErrorCode = event.errorCode
        chain.lastRetryAfterSeconds = event.retryAfterSeconds
        if failure == .platform { chain.metPlatformFailure = true }

        if failure == .platform || !pendingOrders.isEmpty {
            trackOrderOutcome(event, failure: failure, resend: continued || (event.attempt ?? 1) >= 2, chain: chain)
        }
        if let failure, failure == .auth || (failure == .platform && key != nil) {
            awaitEscalation(chain, failure: failure, event: event)
        }
        if let key, failure != nil {
            openChains[key] = chain
            if openChains.count > Self.openChainLimit { evictChains(now: event.time) }
        } else {
            if let key, openChains[key] != nil { openChains[key] = nil }
            close(chain)
        }
    }

    private mutating func switchBackpressureSource(to fileIndex: Int?) {
        if let file = backpressureFile {
            backpressure.finish(latest: latestInFile)
            if backpressure.hasEpisodes { finishedBackpressure.append((file, backpressure)) }
        }
        backpressure = BackpressureTracker()
        backpressureFile = fileIndex
        latestInFile = nil
    }

    /// A failure whose record announces the retry (freqtrade's "Retrying still for N times"): the retry is
    /// certain even when the log never records it, so it counts for the rules that forbid one.
    private mutating func announcedRetry(after failure: RequestFailureClass, _ event: LogEvent) {
        let detail = "the record after \(Self.describe(event)) says the call is retried"
        switch failure {
        case .auth: authRetries.record(event.position, detail)
        case .validation: validationRetries.record(event.position, detail)
        case .rateLimit, .platform, .other: break
        }
    }

    private mutating func newChain(_ event: LogEvent) -> RetryChain {
        nextSerial += 1
        let attempt = max(1, event.attempt ?? 1)
        return RetryChain(
            serial: nextSerial, attempts: attempt, lastAttempt: attempt, lastTime: event.time,
            lastPosition: event.position, endpoint: event.endpoint
        )
    }

    /// The next attempt of an open chain: measure the delay and judge it against what the last attempt got.
    private mutating func retry(_ chain: inout RetryChain, with event: LogEvent) {
        let attempt = event.attempt ?? chain.lastAttempt + 1
        let startNanoseconds = event.time.nanoseconds &- Int64(((event.latencyMs ?? 0) * 1_000_000).rounded())
        let delayMs = Double(startNanoseconds &- chain.lastTime.nanoseconds) / 1_000_000
        if !chain.retried { retriedChains += 1 }
        let failed = chain
        func previous() -> String { "after \(failed.lastResponse) on line \(failed.lastPosition.line)" }
        switch chain.lastFailure {
        case .rateLimit:
            retriesAfterRateLimit += 1
            shortestWaitMs = min(shortestWaitMs ?? delayMs, delayMs)
            // Retry-After is only known where the record logged it or the exchange documents a fixed wait.
            let documented = chain.lastRetryAfterSeconds == nil
                ? DocumentedRetryAfter.seconds(status: chain.lastStatus, errorCode: chain.lastErrorCode, exchange: context.exchange)
                : nil
            let retryAfterText: String
            if let logged = chain.lastRetryAfterSeconds {
                retriesWithLoggedRetryAfter += 1
                retryAfterText = "Retry-After \(Self.format(logged * 1000)) ms"
            } else if let documented {
                retriesWithDocumentedRetryAfter += 1
                retryAfterText = "no Retry-After logged; \(context.exchange.rawValue) documents \(Self.format(documented)) s"
            } else {
                retryAfterText = "Retry-After not logged"
            }
            let retryAfterMs = (chain.lastRetryAfterSeconds ?? documented ?? 0) * 1000
            if delayMs < max(floorMs, retryAfterMs) {
                earlyRetries.record(
                    event.position,
                    "attempt \(attempt) came \(Self.format(delayMs)) ms \(previous()) (\(retryAfterText), floor \(Self.format(floorMs)) ms)"
                )
            }
        case .auth:
            if allowsTimestampRemedy(chain) {
                chain.timestampRemedyUsed = true
                timestampRemedies.record(event.position, "attempt \(attempt) re-signed after a fresh server-time query, \(previous())")
            } else {
                authRetries.record(event.position, "attempt \(attempt) \(previous())")
            }
        case .platform:
            platformRetries += 1
        case .validation:
            validationRetries.record(event.position, "attempt \(attempt) \(previous())")
        case .other, nil:
            break
        }
        if chain.lastRetryAfterSeconds == nil, attempt <= Self.delayAttemptLimit {
            delays[attempt, default: DelayReservoir()].add(delayMs, at: event.position)
        }
        // The remedy after a timestamp rejection still owes its escalation record: keep waiting for it.
        let remedied = chain.lastFailure == .auth && chain.timestampRemedyUsed && !failed.timestampRemedyUsed
        if (chain.lastFailure == .auth && !remedied) || chain.lastFailure == .platform { cancelAwaiting(chain.serial) }
        chain.retried = true
        chain.attempts = max(chain.attempts + 1, attempt)
        chain.lastAttempt = attempt
    }

    /// A timestamp rejection may be answered by one re-signed re-send, once the exchange's time was measured again.
    private func allowsTimestampRemedy(_ chain: RetryChain) -> Bool {
        guard !chain.timestampRemedyUsed, let code = chain.lastErrorCode,
              timestampCodes.contains(TimestampRejectionCodes.normalised(code)),
              let query = lastTimeQuery else { return false }
        return query > chain.lastTime
    }

    private mutating func closeSingle(_ event: LogEvent) {
        let attempts = max(1, event.attempt ?? 1)
        chainCount += 1
        histogram[min(attempts, RetryLogFacts.attemptsHistogramCap)] += 1
        if most.accepts(attempts) { most.offer(attempts: attempts, endpoint: event.endpoint, position: event.position) }
    }

    private mutating func close(_ chain: RetryChain) {
        chainCount += 1
        histogram[min(chain.attempts, RetryLogFacts.attemptsHistogramCap)] += 1
        most.offer(chain)
        if chain.metPlatformFailure {
            platformHistogram[min(chain.attempts, RetryLogFacts.attemptsHistogramCap), default: 0] += 1
            mostPlatform.offer(chain)
        }
    }

    /// Closes chains idle past the horizon; if that is not enough, the oldest half.
    private mutating func evictChains(now: LogInstant) {
        let horizon = now.nanoseconds &- Self.chainHorizonNanoseconds
        var stale = openChains.filter { $0.value.lastTime.nanoseconds < horizon }
        if openChains.count - stale.count > Self.openChainLimit * 3 / 4 {
            let oldest = openChains.sorted { $0.value.lastTime < $1.value.lastTime }.prefix(openChains.count / 2)
            stale = Dictionary(uniqueKeysWithValues: oldest.map { ($0.key, $0.value) })
        }
        for (key, chain) in stale {
            close(chain)
            openChains[key] = nil
        }
    }

    // MARK: orders whose outcome is unknown (C3)

    private mutating func trackOrderOutcome(_ event: LogEvent, failure: RequestFailureClass?, resend: Bool, chain: RetryChain) {
        guard event.isOrderPlacement else { return }
        let key = "\(event.kind.rawValue)\u{1}\(event.method ?? "")\u{1}\(event.endpoint ?? "")"
        if resend, let pending = pendingOrders[key] {
            if let id = pending.clientOrderID, id == event.clientOrderID {
                resentSame += 1
            } else {
                let newID = event.clientOrderID.map { "new client order id \($0)" } ?? "no client order id"
                let oldID = pending.clientOrderID ?? "an order without client order id"
                resentNew.record(
                    event.position,
                    "re-sent under \(newID) after \(oldID) got an unknown outcome on line \(pending.line), without a status query"
                )
            }
            pendingOrders[key] = nil
        }
        if failure == .platform {
            unknownOutcomeOrders.record(event.position, Self.describe(event))
            if pendingOrders.count < Self.pendingOrderLimit || pendingOrders[key] != nil {
                pendingOrders[key] = UnknownOutcomeOrder(
                    clientOrderID: event.clientOrderID, line: event.position.line, time: event.time, serial: chain.serial)
                if oldestPendingOrder == nil { oldestPendingOrder = event.time }
            }
        }
    }

    /// An order whose outcome stayed unknown past the horizon is no longer waiting for its re-send.
    private mutating func expirePendingOrders(now: LogInstant) {
        let horizon = now.nanoseconds &- Self.chainHorizonNanoseconds
        pendingOrders = pendingOrders.filter { $0.value.time.nanoseconds >= horizon }
        oldestPendingOrder = pendingOrders.values.map(\.time).min()
    }

    /// A status query for one client order id settles that order; a query or reconcile naming none settles all.
    /// A settled order has ended: its platform failure no longer waits for an escalation.
    private mutating func clearPendingOrders(queried clientOrderID: String?) {
        for (key, order) in pendingOrders where clientOrderID == nil || order.clientOrderID == clientOrderID {
            statusQueried += 1
            cancelAwaiting(order.serial)
            pendingOrders[key] = nil
        }
    }

    // MARK: escalation after auth failures and exhausted platform retries (C1, C3)

    private mutating func awaitEscalation(_ chain: RetryChain, failure: RequestFailureClass, event: LogEvent) {
        guard awaiting.count - awaitingHead < Self.awaitingLimit else {
            if failure == .auth { authUndecided += 1 } else { platformUndecided += 1 }
            return
        }
        awaiting.append(AwaitingEscalation(
            serial: chain.serial, failure: failure, time: event.time, position: event.position,
            response: Self.describe(event), endpoint: event.endpoint
        ))
    }

    private mutating func cancelAwaiting(_ serial: UInt64) {
        guard let index = awaiting[awaitingHead...].lastIndex(where: { $0.serial == serial }) else { return }
        awaiting.remove(at: index)
    }

    private mutating func escalate(at time: LogInstant) {
        escalations += 1
        var kept: [AwaitingEscalation] = []
        for entry in awaiting[awaitingHead...] {
            if entry.time <= time {
                if entry.failure == .platform {
                    platformGivenUp += 1
                    platformEscalated += 1
                }
            } else {
                kept.append(entry)
            }
        }
        awaiting = kept
        awaitingHead = 0
    }

    private mutating func expireAwaiting(before time: LogInstant) {
        while awaitingHead < awaiting.count,
              awaiting[awaitingHead].time.nanoseconds &+ Self.escalationWindowNanoseconds < time.nanoseconds
        {
            missedEscalation(awaiting[awaitingHead])
            awaitingHead += 1
        }
        if awaitingHead > 1024 && awaitingHead * 2 > awaiting.count {
            awaiting.removeFirst(awaitingHead)
            awaitingHead = 0
        }
    }

    private mutating func missedEscalation(_ entry: AwaitingEscalation) {
        let detail = "\(entry.response)\(entry.endpoint.map { " on \($0)" } ?? ""), no escalation, kill_switch or circuit_breaker record within \(Self.escalationWindowNanoseconds / 1_000_000_000) s"
        if entry.failure == .auth {
            authWithoutEscalation.record(entry.position, detail)
        } else {
            platformGivenUp += 1
            platformWithoutEscalation.record(entry.position, detail)
        }
    }

    // MARK: finish

    func finish(scan: LogScan) -> RetryLogFacts {
        var builder = self
        for chain in builder.openChains.values.sorted(by: { $0.serial < $1.serial }) { builder.close(chain) }
        builder.openChains = [:]
        builder.switchBackpressureSource(to: nil)
        for entry in builder.awaiting[builder.awaitingHead...] {
            if let latest, entry.time.nanoseconds &+ Self.escalationWindowNanoseconds <= latest.nanoseconds {
                builder.missedEscalation(entry)
            } else if entry.failure == .auth {
                builder.authUndecided += 1
            } else {
                builder.platformUndecided += 1
            }
        }
        return builder.facts(scan: scan)
    }

    private func facts(scan: LogScan) -> RetryLogFacts {
        var facts = RetryLogFacts()
        facts.requests = requests
        facts.linkableRequests = linkable
        facts.countdownNumberedRequests = countdownNumbered
        facts.chains = chainCount
        facts.retriedChains = retriedChains
        facts.attemptsHistogram = Dictionary(
            uniqueKeysWithValues: histogram.enumerated().filter { $0.element > 0 }.map { ($0.offset, $0.element) }
        )
        facts.mostAttempts = most.examples(in: scan)
        facts.rateLimitResponses = rateLimitResponses.tally(in: scan)
        facts.retriesAfterRateLimit = retriesAfterRateLimit
        facts.retriesWithLoggedRetryAfter = retriesWithLoggedRetryAfter
        facts.retriesWithDocumentedRetryAfter = retriesWithDocumentedRetryAfter
        facts.earlyRetriesAfterRateLimit = earlyRetries.tally(in: scan)
        facts.backoffFloorMs = floorMs
        facts.shortestWaitAfterRateLimitMs = shortestWaitMs
        facts.delaysByAttempt = delays.keys.sorted().compactMap { delays[$0]?.distribution(attempt: $0, in: scan) }
        facts.authFailures = authFailures.tally(in: scan)
        facts.retriesAfterAuthFailure = authRetries.tally(in: scan)
        facts.timestampRemedyResends = timestampRemedies.tally(in: scan)
        facts.authFailuresWithoutEscalation = authWithoutEscalation.tally(in: scan)
        facts.authFailuresUndecided = authUndecided
        facts.backpressureBySource = finishedBackpressure.map { $0.tracker.facts(file: scan.location(of: LogPosition(fileIndex: $0.fileIndex, line: 0)).file, in: scan) }
        facts.backpressureWindowSeconds = Double(BackpressureTracker.windowNanoseconds) / 1e9
        facts.platformFailures = platformFailures.tally(in: scan)
        facts.retriesAfterPlatformFailure = platformRetries
        facts.platformChainAttempts = platformHistogram
        facts.mostAttemptsAfterPlatformFailure = mostPlatform.examples(in: scan)
        facts.platformChainsGivenUp = platformGivenUp
        facts.platformChainsEscalated = platformEscalated
        facts.platformChainsWithoutEscalation = platformWithoutEscalation.tally(in: scan)
        facts.platformChainsUndecided = platformUndecided
        facts.unknownOutcomeOrders = unknownOutcomeOrders.tally(in: scan)
        facts.resentUnderNewID = resentNew.tally(in: scan)
        facts.resentUnderSameID = resentSame
        facts.statusQueriedFirst = statusQueried
        facts.validationFailures = validationFailures.tally(in: scan)
        facts.retriesAfterValidationFailure = validationRetries.tally(in: scan)
        facts.escalationRecords = escalations
        facts.escalationWindowSeconds = Double(Self.escalationWindowNanoseconds) / 1e9
        return facts
    }

    private static func describe(_ event: LogEvent) -> String {
        let response = RetryChain.describe(status: event.status, errorCode: event.errorCode)
        return event.endpoint.map { "\(response) on \($0)" } ?? response
    }

    static func format(_ milliseconds: Double) -> String {
        String(Int(milliseconds.rounded()))
    }
}
