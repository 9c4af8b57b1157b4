/// C2 in one log source: api_requests in the window before each rate-limit episode and in the window after
/// it (a 429 and the ones that follow within the window), and the in-flight counts logged in them. Kept per
/// source, because a rate only means something in a source that records every request.
public struct RateLimitBackpressure: Codable, Sendable, Equatable {
    /// The source, as in `LogScan.files`; nil for a sum over several.
    public var file: String?
    /// Episodes with a full window of traffic on both sides, and of them those after which the bot sent
    /// fewer requests, or had fewer in flight, than before.
    public var episodesJudged: Int
    public var episodesShed: Int
    public var episodesNotShed: LogRecordTally
    /// Episodes too close to either end of the source, or with too little traffic before them, to compare.
    public var episodesUndecided: Int
    /// Summed over the judged episodes.
    public var requestsBefore: Int
    public var requestsAfter: Int
    public var inflightSumBefore: Int
    public var inflightRecordsBefore: Int
    public var inflightSumAfter: Int
    public var inflightRecordsAfter: Int

    public init(
        file: String? = nil, episodesJudged: Int = 0, episodesShed: Int = 0, episodesNotShed: LogRecordTally = LogRecordTally(),
        episodesUndecided: Int = 0, requestsBefore: Int = 0, requestsAfter: Int = 0, inflightSumBefore: Int = 0,
        inflightRecordsBefore: Int = 0, inflightSumAfter: Int = 0, inflightRecordsAfter: Int = 0
    ) {
        self.file = file
        self.episodesJudged = episodesJudged
        self.episodesShed = episodesShed
        self.episodesNotShed = episodesNotShed
        self.episodesUndecided = episodesUndecided
        self.requestsBefore = requestsBefore
        self.requestsAfter = requestsAfter
        self.inflightSumBefore = inflightSumBefore
        self.inflightRecordsBefore = inflightRecordsBefore
        self.inflightSumAfter = inflightSumAfter
        self.inflightRecordsAfter = inflightRecordsAfter
    }

    public var meanInflightBefore: Double? {
        inflightRecordsBefore > 0 ? Double(inflightSumBefore) / Double(inflightRecordsBefore) : nil
    }

    public var meanInflightAfter: Double? {
        inflightRecordsAfter > 0 ? Double(inflightSumAfter) / Double(inflightRecordsAfter) : nil
    }

    /// The sum over several sources.
    public static func total(_ parts: [RateLimitBackpressure]) -> RateLimitBackpressure {
        var sum = RateLimitBackpressure()
        for part in parts {
            sum.episodesJudged += part.episodesJudged
            sum.episodesShed += part.episodesShed
            sum.episodesNotShed.count += part.episodesNotShed.count
            for sample in part.episodesNotShed.samples where sum.episodesNotShed.samples.count < LogRecordTally.sampleLimit {
                sum.episodesNotShed.samples.append(sample)
            }
            sum.episodesUndecided += part.episodesUndecided
            sum.requestsBefore += part.requestsBefore
            sum.requestsAfter += part.requestsAfter
            sum.inflightSumBefore += part.inflightSumBefore
            sum.inflightRecordsBefore += part.inflightRecordsBefore
            sum.inflightSumAfter += part.inflightSumAfter
            sum.inflightRecordsAfter += part.inflightRecordsAfter
        }
        return sum
    }
}
