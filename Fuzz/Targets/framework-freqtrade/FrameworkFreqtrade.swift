import FuzzSupport

/// freqtrade's plain-text log lines, through the reader, the fact builders and the checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.readLog(data, size, format: .freqtrade)
    return 0
}
