import PreflightModel

/// The retry items' facts (B2, B3, B4, C1, C2, C3, C4) in one pass: the linker joins each request record to the
/// attempts before it, and one accumulator per rule measures what that rule needs. Each part is bounded, so
/// memory does not grow with the log; none of them judges.
struct RetryLogFactsBuilder: LogFactsBuilder {
    let context: LogFactsContext
    private var linker = RetryChainLinker()
    private var attempts = AttemptCounter()
    private var rateLimit: RateLimitWaits
    private var delays = RetryDelays()
    private var auth: AuthFailures
    private var backpressure = BackpressureBySource()
    private var platform = PlatformFailures()
    private var validation = ValidationFailures()
    private var escalations = EscalationWatch()
    private var latest: LogInstant?

    init(context: LogFactsContext) {
        self.context = context
        rateLimit = RateLimitWaits(floorMs: context.policy[.backoffFloorMs])
        auth = AuthFailures(exchange: context.exchange)
    }

    mutating func consume(_ event: LogEvent) {
        if latest.map({ event.time > $0 }) ?? true { latest = event.time }
        backpressure.saw(event)
        if escalations.isWaiting { missed(escalations.expire(before: event.time)) }
        switch event.kind {
        case .apiRequest, .orderSubmit, .orderCancel:
            consumeRequest(event)
        case .escalation, .killSwitch:
            platform.escalated(escalations.escalate(at: event.time))
        case .circuitBreaker:
            if Self.opens(event.breakerState) { platform.escalated(escalations.escalate(at: event.time)) }
        case .reconcile:
            settle(queried: nil)
        default:
            break
        }
    }

    private static func opens(_ state: String?) -> Bool {
        guard let state = state?.lowercased() else { return true }
        return !(state.hasPrefix("close") || state.hasPrefix("half"))
    }

    private mutating func consumeRequest(_ event: LogEvent) {
        attempts.count(event)
        if event.kind == .apiRequest, ServerTimeEndpoint.matches(event.endpoint, exchange: context.exchange) {
            auth.timeQueried(at: event.time)
        }
        let failure = RequestFailureClass.classify(status: event.status, errorCode: event.errorCode, exchange: context.exchange)
        // order_submit and order_cancel usually repeat an api_request record: count the HTTP calls once.
        if event.kind == .apiRequest { backpressure.request(event, rateLimited: failure == .rateLimit) }
        switch failure {
        case .rateLimit: rateLimit.response(event, Self.describe(event))
        case .auth: auth.failure(event, Self.describe(event))
        case .platform: platform.failure(event, Self.describe(event))
        case .validation: validation.failure(event, Self.describe(event))
        case .other, nil: break
        }
        if event.retryFollows, let failure { announcedRetry(after: failure, event) }
        platform.expirePendingOrders(now: event.time)
        // The common case: a success that cannot continue an open chain (first attempt, or nothing open)
        // and no order awaiting a status query. It is a request of its own; no key, no chain.
        if failure == nil, !platform.hasPendingOrders, event.attempt == 1 || linker.isEmpty {
            attempts.closeSingle(event)
            return
        }
        if platform.hasPendingOrders, event.isOrderStatusQuery { settle(queried: event.clientOrderID) }
        let key = RequestFingerprint.linkable(event)
        let open = linker.chain(for: key)
        if open == nil, failure == nil, !platform.hasPendingOrders {
            attempts.closeSingle(event)
            return
        }
        link(event, failure: failure, key: key, open: open)
    }

    /// Continues the open chain or starts one, records the attempt's outcome, and keeps the chain open while
    /// its last attempt failed.
    private mutating func link(_ event: LogEvent, failure: RequestFailureClass?, key: Int?, open: RetryChain?) {
        var chain: RetryChain
        var continued = false
        if let open, RetryChainLinker.continues(open, with: event) {
            chain = open
            continued = true
            retry(&chain, with: event)
        } else {
            if let open { attempts.close(open) }
            chain = linker.start(event)
        }
        chain.lastTime = event.time
        chain.lastPosition = event.position
        chain.lastFailure = failure
        chain.lastStatus = event.status
        chain.lastErrorCode = event.errorCode
        chain.lastRetryAfterSeconds = event.retryAfterSeconds
        if failure == .platform { chain.metPlatformFailure = true }
        if failure == .platform || platform.hasPendingOrders {
            platform.trackOrderOutcome(
                event, failure: failure, resend: continued || (event.attempt ?? 1) >= 2, serial: chain.serial
            ) { Self.describe(event) }
        }
        if let failure, failure == .auth || (failure == .platform && key != nil) {
            awaitEscalation(chain, failure: failure, event: event)
        }
        if let key, failure != nil {
            for evicted in linker.keepOpen(chain, key: key, now: event.time) { attempts.close(evicted) }
        } else {
            if let key { linker.remove(key) }
            attempts.close(chain)
        }
    }

    /// The next attempt of an open chain: its delay, and what the rule of the last attempt's failure counts.
    private mutating func retry(_ chain: inout RetryChain, with event: LogEvent) {
        let attempt = event.attempt ?? chain.lastAttempt + 1
        let startNanoseconds = event.time.nanoseconds &- Int64(((event.latencyMs ?? 0) * 1_000_000).rounded())
        let delayMs = Double(startNanoseconds &- chain.lastTime.nanoseconds) / 1_000_000
        attempts.retried(chain)
        let previous = "after \(chain.lastResponse) on line \(chain.lastPosition.line)"
        var remedied = false
        switch chain.lastFailure {
        case .rateLimit:
            rateLimit.retry(after: chain, attempt: attempt, waitMs: delayMs, at: event.position, exchange: context.exchange)
        case .auth:
            remedied = auth.retry(&chain, attempt: attempt, at: event.position, after: previous)
        case .platform:
            platform.retried()
        case .validation:
            validation.retry(at: event.position, "attempt \(attempt) \(previous)")
        case .other, nil:
            break
        }
        if chain.lastRetryAfterSeconds == nil { delays.add(delayMs, beforeAttempt: attempt, at: event.position) }
        // The remedy after a timestamp rejection still owes its escalation record: keep waiting for it.
        if (chain.lastFailure == .auth && !remedied) || chain.lastFailure == .platform { escalations.cancel(chain.serial) }
        chain.retried = true
        chain.attempts = max(chain.attempts + 1, attempt)
        chain.lastAttempt = attempt
    }

    /// A failure whose record announces the retry (freqtrade's "Retrying still for N times"): the retry is
    /// certain even when the log never records it, so it counts for the rules that forbid one.
    private mutating func announcedRetry(after failure: RequestFailureClass, _ event: LogEvent) {
        let detail = "the record after \(Self.describe(event)) says the call is retried"
        switch failure {
        case .auth: auth.announcedRetry(at: event.position, detail)
        case .validation: validation.retry(at: event.position, detail)
        case .rateLimit, .platform, .other: break
        }
    }

    private mutating func settle(queried clientOrderID: String?) {
        for serial in platform.settle(queried: clientOrderID) { escalations.cancel(serial) }
    }

    private mutating func awaitEscalation(_ chain: RetryChain, failure: RequestFailureClass, event: LogEvent) {
        let entry = EscalationWatch.Awaiting(
            serial: chain.serial, failure: failure, time: event.time, position: event.position,
            response: Self.describe(event), endpoint: event.endpoint
        )
        guard !escalations.await(entry) else { return }
        if failure == .auth { auth.undecidedEscalation() } else { platform.undecidedEscalation() }
    }

    private mutating func missed(_ entries: [EscalationWatch.Awaiting]) {
        for entry in entries {
            if entry.failure == .auth {
                auth.missedEscalation(at: entry.position, entry.missedDetail)
            } else {
                platform.missedEscalation(at: entry.position, entry.missedDetail)
            }
        }
    }

    func finish(scan: LogScan) -> RetryLogFacts {
        var builder = self
        for chain in builder.linker.drain() { builder.attempts.close(chain) }
        let end = builder.escalations.finish(latest: latest)
        builder.missed(end.missed)
        for entry in end.undecided {
            if entry.failure == .auth { builder.auth.undecidedEscalation() } else { builder.platform.undecidedEscalation() }
        }
        return builder.facts(scan: scan)
    }

    private func facts(scan: LogScan) -> RetryLogFacts {
        var facts = RetryLogFacts()
        facts.attempts = attempts.attemptFacts(in: scan)
        facts.rateLimit = rateLimit.facts(in: scan)
        facts.delaysByAttempt = delays.distributions(in: scan)
        facts.auth = auth.facts(in: scan)
        facts.backpressureBySource = backpressure.facts(in: scan)
        facts.backpressureWindowSeconds = Double(BackpressureTracker.windowNanoseconds) / 1e9
        facts.platform = platform.facts(in: scan, chains: attempts.platformChains(in: scan))
        facts.validation = validation.facts(in: scan)
        facts.escalationRecords = escalations.escalations
        facts.escalationWindowSeconds = Double(EscalationWatch.windowNanoseconds) / 1e9
        return facts
    }

    private static func describe(_ event: LogEvent) -> String {
        let response = RetryChain.describe(status: event.status, errorCode: event.errorCode)
        return event.endpoint.map { "\(response) on \($0)" } ?? response
    }
}
