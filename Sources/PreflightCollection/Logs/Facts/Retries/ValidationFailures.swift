import PreflightModel

/// C4: validation failures and the retries after them.
struct ValidationFailures {
    private var failures = CitedPositions()
    private var retries = CitedPositions()

    mutating func failure(_ event: LogEvent, _ description: @autoclosure () -> String) {
        failures.record(event.position, description())
    }

    mutating func retry(at position: LogPosition, _ detail: @autoclosure () -> String) { retries.record(position, detail()) }

    func facts(in scan: LogScan) -> ValidationFailureFacts {
        ValidationFailureFacts(failures: failures.tally(in: scan), retries: retries.tally(in: scan))
    }
}
