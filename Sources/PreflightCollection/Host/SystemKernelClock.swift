import CAdjtimex
import Foundation
import PreflightModel

/// adjtimex(2) with modes 0 on this machine, through the CAdjtimex target.
public struct SystemKernelClock: KernelClockReader {
    public init() {}

    public func read() -> KernelClockReading {
        let clock = preflight_read_kernel_clock()
        guard clock.result >= 0 else {
            return .failed("adjtimex failed: \(String(cString: strerror(clock.error)))", consulted: "adjtimex(2)")
        }
        let view = KernelClockView(
            maxErrorMicroseconds: Int(clock.maxerror), estErrorMicroseconds: Int(clock.esterror),
            status: Int(clock.status), returnCode: Int(clock.result)
        )
        return .view(view, consulted: "adjtimex(2)")
    }
}
