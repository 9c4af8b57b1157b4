@testable import PreflightStandIn
import Testing

@Suite("Wire chains: which request retries which")
struct WireChainsTests {
    static func event(_ fingerprint: String, atSeconds: Double, status: Int?, code: String? = nil, retryAfter: Int? = nil) -> WireEvent {
        var event = WireEvent(timeNanoseconds: Int64(atSeconds * 1e9), kind: .apiRequest)
        event.requestID = fingerprint
        event.status = status
        event.errorCode = code ?? (status == nil ? "response_lost_timeout" : nil)
        event.retryAfterSeconds = retryAfter
        return event
    }

    static func link(_ events: [WireEvent], windowSeconds: Double = 10) -> [String] {
        var chains = WireChains(windowSeconds: windowSeconds)
        return events.map { event in
            var event = event
            chains.link(&event)
            return "\(event.requestID ?? "-")#\(event.attempt ?? 0)"
        }
    }

    @Test func aRepeatAfterAFailureIsARetryAndASuccessEndsTheChain() {
        let linked = Self.link([
            Self.event("fp-a", atSeconds: 0, status: 503), Self.event("fp-a", atSeconds: 1, status: nil),
            Self.event("fp-a", atSeconds: 3, status: 200), Self.event("fp-a", atSeconds: 4, status: 200),
            Self.event("fp-b", atSeconds: 4.5, status: 200),
        ])
        #expect(linked == ["fp-a#1", "fp-a#2", "fp-a#3", "fp-a.2#1", "fp-b#1"])
    }

    @Test func aRepeatLongAfterTheFailureIsANewRequestUnlessRetryAfterAskedForTheWait() {
        let linked = Self.link([
            Self.event("fp-a", atSeconds: 0, status: 503), Self.event("fp-a", atSeconds: 11, status: 503),
            Self.event("fp-a", atSeconds: 12, status: 429, retryAfter: 30), Self.event("fp-a", atSeconds: 43, status: 200),
            Self.event("fp-a", atSeconds: 200, status: 429, retryAfter: 30), Self.event("fp-a", atSeconds: 233, status: 200),
        ])
        #expect(linked == ["fp-a#1", "fp-a.2#1", "fp-a.2#2", "fp-a.2#3", "fp-a.3#1", "fp-a.4#1"])
    }

    @Test func aDrillShortensTheWindowToTheDeclaredBreakerCooldown() {
        let events = [Self.event("fp-a", atSeconds: 0, status: 503), Self.event("fp-a", atSeconds: 5.2, status: 200)]
        #expect(Self.link(events, windowSeconds: 5) == ["fp-a#1", "fp-a.2#1"])
        #expect(Self.link(events) == ["fp-a#1", "fp-a#2"])
    }

    @Test func noSuchOrderSettlesAQuery() {
        let linked = Self.link([
            Self.event("fp-q", atSeconds: 0, status: 400, code: "-2013"), Self.event("fp-q", atSeconds: 1, status: 400, code: "-2013"),
            Self.event("fp-o", atSeconds: 2, status: 400, code: "-1013"), Self.event("fp-o", atSeconds: 3, status: 400, code: "-1013"),
        ])
        #expect(linked == ["fp-q#1", "fp-q.2#1", "fp-o#1", "fp-o#2"])
    }
}
