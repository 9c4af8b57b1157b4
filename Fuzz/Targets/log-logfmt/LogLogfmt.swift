import FuzzSupport

/// logfmt forced, through the reader, the fact builders and the checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.readLog(data, size, format: .logfmt)
    return 0
}
