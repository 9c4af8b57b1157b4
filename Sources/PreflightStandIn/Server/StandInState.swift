/// Everything the stand-in's connections share, behind the core's lock.
struct StandInState: Sendable {
    static let recordLimit = 200_000
    static let wireLimit = 2_000_000
    static let userEventLimit = 2000

    var stopped = false
    var probeFaults: [String: StandInFault] = [:]
    var records: [StandInRequestRecord] = []
    var accepted = 0
    var open = 0
    var binance: BinanceSpotDialect
    var board = FaultBoard()
    var phase: String?
    var phaseSkewMs: [String: Int64] = [:]
    var wire: [WireEvent] = []
    var wireDropped = 0
    var chains = WireChains()
    var inflight: [String: Int] = [:]
    var streams: [Int: StreamConnection] = [:]
    var nextStream = 0
    var refusedReconnects = 0
    var endedStreamLabels: Set<String> = []
    var userEvents: [(serial: Int, text: String)] = []
    var userSerial = 0

    mutating func record(_ event: WireEvent) {
        guard wire.count < Self.wireLimit else {
            wireDropped += 1
            return
        }
        var event = event
        event.phase = event.phase ?? phase
        chains.link(&event)
        wire.append(event)
    }

    mutating func record(_ request: StandInRequestRecord) {
        if records.count >= Self.recordLimit { records.removeFirst(records.count / 2) }
        records.append(request)
    }

    /// Turns the account's order changes into user-data events for the listen-key streams.
    mutating func collectUserEvents(nowMs: Int64) {
        for order in binance.account.takeChanges() {
            userSerial += 1
            userEvents.append((userSerial, BinanceStreamPayload.executionReport(order, nowMs: nowMs)))
        }
        if userEvents.count > Self.userEventLimit { userEvents.removeFirst(userEvents.count - Self.userEventLimit) }
    }
}
