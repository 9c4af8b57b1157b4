import FuzzSupport

/// A whole capture folder (the outputs, the capture time, the configs) through the host collector and A5.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzHost(data, size).collectAndJudge()
    return 0
}
