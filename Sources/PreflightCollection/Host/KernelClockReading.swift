import PreflightModel

/// The kernel's clock view, or why it could not be read; `consulted` is how the report cites it.
public enum KernelClockReading: Sendable, Equatable {
    case view(KernelClockView, consulted: String)
    case failed(String, consulted: String)
}
