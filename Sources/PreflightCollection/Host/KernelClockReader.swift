import PreflightModel

/// Where the kernel's clock view comes from: adjtimex(2) on this machine, or `adjtimex --print` output.
public protocol KernelClockReader: Sendable {
    func read() -> KernelClockReading
}
