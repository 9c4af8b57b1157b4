import PreflightModel

struct LifecycleLogFactsBuilder: LogFactsBuilder {
    let context: LogFactsContext

    init(context: LogFactsContext) {
        self.context = context
    }

    mutating func consume(_ event: LogEvent) {}

    func finish(scan: LogScan) -> LifecycleLogFacts { LifecycleLogFacts() }
}
