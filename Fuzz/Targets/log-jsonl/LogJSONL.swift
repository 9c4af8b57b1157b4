import FuzzSupport

/// JSON lines (and logfmt, as auto-detection reads them) through the reader, the fact builders and the checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.readLog(data, size, format: .auto)
    return 0
}
