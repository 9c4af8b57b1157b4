import PreflightModel

/// C2: compares the api_request count (and the in-flight counts) in a window before a rate-limit
/// response with the same window after it, per episode and summed over all episodes. Requests are counted in 100 ms buckets over one window,
/// so memory is fixed whatever the request rate; one episode is open at a time (a burst of 429s is one).
struct BackpressureTracker {
    static let bucketNanoseconds: Int64 = 100_000_000
    static let bucketCount = 600
    static let windowNanoseconds = bucketNanoseconds * Int64(bucketCount)
    /// Fewer requests than this before a 429 leave nothing to lower.
    static let minimumRequestsBefore = 3

    private struct Episode {
        var start: LogInstant
        var position: LogPosition
        var before: Int
        var beforeInflight: Int?
        var beforeInflightSum = 0
        var beforeInflightCount = 0
        var after = 0
        var afterInflight: Int?
        var afterInflightSum = 0
        var afterInflightCount = 0
        var decidable: Bool
    }

    private var bucketIDs = [Int64](repeating: .min, count: bucketCount)
    private var counts = [Int](repeating: 0, count: bucketCount)
    private var inflight = [Int](repeating: -1, count: bucketCount)
    private var inflightSums = [Int](repeating: 0, count: bucketCount)
    private var inflightCounts = [Int](repeating: 0, count: bucketCount)
    private var firstTime: LogInstant?
    private var episode: Episode?

    private(set) var judged = 0
    private(set) var shed = 0
    private(set) var notShed = CitedPositions()
    private(set) var undecided = 0
    /// Over the judged episodes: requests in the windows before and after, and in-flight counts seen in them.
    private(set) var requestsBefore = 0
    private(set) var requestsAfter = 0
    private(set) var inflightBefore = (sum: 0, count: 0)
    private(set) var inflightAfter = (sum: 0, count: 0)

    mutating func record(time: LogInstant, inflightCount: Int?, rateLimited: Bool, position: LogPosition) {
        if firstTime == nil { firstTime = time }
        if var open = episode {
            if time.nanoseconds > open.start.nanoseconds &+ Self.windowNanoseconds {
                judge(open)
                episode = nil
            } else if time > open.start {
                open.after += 1
                if let inflightCount {
                    open.afterInflight = max(open.afterInflight ?? inflightCount, inflightCount)
                    open.afterInflightSum += inflightCount
                    open.afterInflightCount += 1
                }
                episode = open
            }
        }
        let bucket = time.nanoseconds / Self.bucketNanoseconds
        let slot = Int(bucket.magnitude % UInt64(Self.bucketCount))
        if bucketIDs[slot] != bucket {
            bucketIDs[slot] = bucket
            counts[slot] = 0
            inflight[slot] = -1
            inflightSums[slot] = 0
            inflightCounts[slot] = 0
        }
        counts[slot] += 1
        if let inflightCount {
            inflight[slot] = max(inflight[slot], inflightCount)
            inflightSums[slot] += inflightCount
            inflightCounts[slot] += 1
        }
        if rateLimited, episode == nil { open(at: time, bucket: bucket, position: position) }
    }

    private mutating func open(at time: LogInstant, bucket: Int64, position: LogPosition) {
        var before = 0
        var beforeInflight: Int?
        var inflightSum = 0
        var inflightCount = 0
        for slot in 0..<Self.bucketCount where bucketIDs[slot] <= bucket && bucketIDs[slot] > bucket - Int64(Self.bucketCount) {
            before += counts[slot]
            if inflight[slot] >= 0 { beforeInflight = max(beforeInflight ?? 0, inflight[slot]) }
            inflightSum += inflightSums[slot]
            inflightCount += inflightCounts[slot]
        }
        let history = firstTime.map { time.nanoseconds - $0.nanoseconds >= Self.windowNanoseconds } ?? false
        episode = Episode(
            start: time, position: position, before: before, beforeInflight: beforeInflight,
            beforeInflightSum: inflightSum, beforeInflightCount: inflightCount, decidable: history && before >= Self.minimumRequestsBefore
        )
    }

    private mutating func judge(_ episode: Episode) {
        guard episode.decidable else {
            undecided += 1
            return
        }
        judged += 1
        requestsBefore += episode.before
        requestsAfter += episode.after
        inflightBefore.sum += episode.beforeInflightSum
        inflightBefore.count += episode.beforeInflightCount
        inflightAfter.sum += episode.afterInflightSum
        inflightAfter.count += episode.afterInflightCount
        let fewerInflight = episode.beforeInflight.flatMap { before in episode.afterInflight.map { $0 < before } } ?? false
        if episode.after < episode.before || fewerInflight {
            shed += 1
        } else {
            let inflightText = episode.beforeInflight.map { before in
                "; in flight at most \(before) before, \(episode.afterInflight.map(String.init) ?? "unknown") after"
            } ?? ""
            notShed.record(
                episode.position,
                "\(episode.before) requests in the \(Self.windowNanoseconds / 1_000_000_000) s up to the rate-limit response, \(episode.after) in the \(Self.windowNanoseconds / 1_000_000_000) s after\(inflightText)"
            )
        }
    }

    var hasEpisodes: Bool { judged + undecided > 0 }

    func facts(file: String, in scan: LogScan) -> RateLimitBackpressure {
        RateLimitBackpressure(
            file: file, episodesJudged: judged, episodesShed: shed, episodesNotShed: notShed.tally(in: scan),
            episodesUndecided: undecided, requestsBefore: requestsBefore, requestsAfter: requestsAfter,
            inflightSumBefore: inflightBefore.sum, inflightRecordsBefore: inflightBefore.count,
            inflightSumAfter: inflightAfter.sum, inflightRecordsAfter: inflightAfter.count
        )
    }

    /// Judges the open episode when the logs reach past its window; otherwise it is undecided.
    mutating func finish(latest: LogInstant?) {
        guard let open = episode else { return }
        episode = nil
        if let latest, latest.nanoseconds >= open.start.nanoseconds &+ Self.windowNanoseconds {
            judge(open)
        } else {
            undecided += 1
        }
    }
}
