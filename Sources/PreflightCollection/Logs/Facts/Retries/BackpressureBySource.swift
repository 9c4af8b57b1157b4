import PreflightModel

/// C2 per source: one tracker for the file being read, finished when the next one starts (sources are read one
/// after another, and a rate only means something within one).
struct BackpressureBySource {
    private var tracker = BackpressureTracker()
    private var file: Int?
    private var latestInFile: LogInstant?
    private var finished: [(fileIndex: Int, tracker: BackpressureTracker)] = []

    /// Every record's time counts for deciding whether an episode's window was seen whole.
    mutating func saw(_ event: LogEvent) {
        if event.position.fileIndex == file, latestInFile.map({ event.time > $0 }) ?? true { latestInFile = event.time }
    }

    mutating func request(_ event: LogEvent, rateLimited: Bool) {
        if file != event.position.fileIndex { switchSource(to: event.position.fileIndex) }
        tracker.record(time: event.time, inflightCount: event.concurrencyInflight, rateLimited: rateLimited, position: event.position)
    }

    private mutating func switchSource(to fileIndex: Int?) {
        if let file {
            tracker.finish(latest: latestInFile)
            if tracker.hasEpisodes { finished.append((file, tracker)) }
        }
        tracker = BackpressureTracker()
        file = fileIndex
        latestInFile = nil
    }

    func facts(in scan: LogScan) -> [RateLimitBackpressure] {
        var copy = self
        copy.switchSource(to: nil)
        return copy.finished.map { $0.tracker.facts(file: scan.location(of: LogPosition(fileIndex: $0.fileIndex, line: 0)).file, in: scan) }
    }
}
