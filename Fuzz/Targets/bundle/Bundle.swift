import FuzzSupport
import PreflightCollection
import PreflightEvaluation
import PreflightSupport

/// An evidence bundle through its decoder; when it decodes, through every check and every reporter,
/// the way `preflight evaluate` takes it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let bundle = try? EvidenceBundle.decode(Fuzz.bytes(data, size), path: "bundle.json") else { return 0 }
    Fuzz.report(bundle.evidence)
    return 0
}
