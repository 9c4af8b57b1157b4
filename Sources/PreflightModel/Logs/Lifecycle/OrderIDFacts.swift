/// D2 in one kind of order record: client order ids on placements and cancellations, kept by retries,
/// never shared by distinct orders.
public struct OrderIDFacts: Codable, Sendable, Equatable {
    /// Which records these are: `order_submit`/`order_cancel`, or `api_request` (placement and cancel requests).
    public var records: LogEventKind
    public var placements: Int
    public var cancellations: Int
    public var placementsWithoutID: LogRecordTally
    public var cancellationsWithoutID: LogRecordTally
    /// Placements with attempt > 1 whose id an earlier attempt carried.
    public var retriesReusingID: Int
    /// Placements with attempt > 1 whose id no earlier attempt carried.
    public var retriesWithNewID: LogRecordTally
    /// A new order (no attempt > 1) with a client order id an earlier order already used.
    public var sharedIDs: LogRecordTally
    /// Placements and cancellations logged in a format with no place for a client order id (freqtrade's text):
    /// not judged either way.
    public var recordsWithoutIDField: Int
    /// How many distinct client order ids are remembered at least (older ones are forgotten).
    public var idMemoryCapacity: Int
    /// Ids forgotten because the memory was full: repeats of those could not be seen.
    public var idsForgotten: Int

    public init(records: LogEventKind) {
        self.records = records
        placements = 0
        cancellations = 0
        placementsWithoutID = LogRecordTally()
        cancellationsWithoutID = LogRecordTally()
        retriesReusingID = 0
        retriesWithNewID = LogRecordTally()
        sharedIDs = LogRecordTally()
        recordsWithoutIDField = 0
        idMemoryCapacity = 0
        idsForgotten = 0
    }

    public var total: Int { placements + cancellations }
    public var missingIDs: Bool { !placementsWithoutID.isEmpty || !cancellationsWithoutID.isEmpty }
    public var hasProblems: Bool { missingIDs || !retriesWithNewID.isEmpty || !sharedIDs.isEmpty }
}
