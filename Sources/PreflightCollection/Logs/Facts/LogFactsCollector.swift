import PreflightModel

/// The sink the reader feeds: hands every event to each group's builder.
struct LogFactsCollector: LogEventSink {
    var requests: RequestLogFactsBuilder
    var retries: RetryLogFactsBuilder
    var streams: StreamLogFactsBuilder
    var lifecycle: LifecycleLogFactsBuilder
    var timeline: TimelineLogFactsBuilder

    init(context: LogFactsContext) {
        requests = RequestLogFactsBuilder(context: context)
        retries = RetryLogFactsBuilder(context: context)
        streams = StreamLogFactsBuilder(context: context)
        lifecycle = LifecycleLogFactsBuilder(context: context)
        timeline = TimelineLogFactsBuilder(context: context)
    }

    mutating func consume(_ event: LogEvent) {
        requests.consume(event)
        retries.consume(event)
        streams.consume(event)
        lifecycle.consume(event)
        timeline.consume(event)
    }

    func finish(scan: LogScan) -> LogEvidence {
        LogEvidence(
            scan: scan, requests: requests.finish(scan: scan), retries: retries.finish(scan: scan),
            streams: streams.finish(scan: scan), lifecycle: lifecycle.finish(scan: scan),
            timeline: timeline.finish(scan: scan)
        )
    }
}
