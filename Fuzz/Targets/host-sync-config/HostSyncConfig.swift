import FuzzSupport
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport

/// A chrony.conf and an ntp.conf through the config reader, every include naming the same text again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The text is the tenth part of a fuzzed host: put it there.
    bytes.insert(contentsOf: [UInt8](repeating: 0, count: 9), at: 0)
    let host = bytes.withUnsafeBufferPointer { FuzzHost($0.baseAddress!, $0.count) }
    for dialect in [SyncConfig.Dialect.chrony, .ntp] {
        if case .success(let config) = SyncConfig.read("/etc/chrony/chrony.conf", dialect: dialect, files: host) {
            _ = HostClockCollector.ceiling(config, daemon: "chrony")
        }
    }
    return 0
}
