@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport

/// The time parsers on raw bytes: ISO 8601, and epoch numbers in every unit and judged by size.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // The parsers may read a few bytes past the value's end, as the reader pads its chunks: pad here too.
    let padded = UnsafeMutablePointer<UInt8>.allocate(capacity: size + 8)
    defer { padded.deallocate() }
    padded.update(from: data, count: size)
    (padded + size).initialize(repeating: 0, count: 8)
    _ = LogTimeParsing.iso8601(padded, 0, size)
    for unit in [nil, LogTimeParsing.EpochUnit.seconds, .milliseconds, .microseconds, .nanoseconds] {
        _ = LogTimeParsing.epoch(padded, 0, size, unit: unit)
    }
    _ = LogLineParser.decimal(padded, 0, size)
    _ = LogLineParser.integer(padded, 0, size)
    return 0
}
