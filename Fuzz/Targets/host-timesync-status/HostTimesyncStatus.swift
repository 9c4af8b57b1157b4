import FuzzSupport
@testable import PreflightCollection
@testable import PreflightEvaluation
import PreflightSupport

/// One captured host command's output through its parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = Fuzz.text(data, size)
    _ = TimesyncStatusOutput.parse(text)
    return 0
}
