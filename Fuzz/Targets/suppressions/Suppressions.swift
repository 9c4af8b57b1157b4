import FuzzSupport
import PreflightCollection
import PreflightEvaluation
import PreflightSupport

/// A separate suppressions file through its loader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? ManifestLoader.parseSuppressions(Fuzz.text(data, size), path: "suppressions.yml")
    return 0
}
