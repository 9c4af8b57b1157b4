import FuzzSupport
import PreflightCollection
import PreflightEvaluation
import PreflightSupport

/// A baseline file through its decoder.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? Baseline.decode(Fuzz.bytes(data, size), path: "baseline.json")
    return 0
}
