/// Receives each event as the reader produces it, in reading order. Fact derivation implements
/// this; generic use lets the compiler specialise the reader's loop for it.
public protocol LogEventSink {
    mutating func consume(_ event: LogEvent)
}

/// A sink that keeps nothing: for a scan that only counts.
public struct DiscardingLogSink: LogEventSink {
    public init() {}
    public func consume(_ event: LogEvent) {}
}
