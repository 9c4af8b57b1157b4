/// The kernel's own view of clock synchronisation: `adjtimex(2)` with modes 0.
public struct KernelClockView: Codable, Sendable, Equatable {
    /// systemd's rule: the clock counts as synchronised while maxerror stays under 16 s.
    public static let synchronisedBelowMicroseconds = 16_000_000
    /// The `STA_UNSYNC` bit of `status`.
    public static let unsyncFlag = 0x40

    public var maxErrorMicroseconds: Int
    public var estErrorMicroseconds: Int
    public var status: Int
    /// adjtimex's return value: the clock state, 5 (`TIME_ERROR`) when unsynchronised.
    public var returnCode: Int

    public init(maxErrorMicroseconds: Int, estErrorMicroseconds: Int, status: Int, returnCode: Int) {
        self.maxErrorMicroseconds = maxErrorMicroseconds
        self.estErrorMicroseconds = estErrorMicroseconds
        self.status = status
        self.returnCode = returnCode
    }

    public var synchronised: Bool { maxErrorMicroseconds < Self.synchronisedBelowMicroseconds }

    public var summary: String {
        let flag = status & Self.unsyncFlag != 0 ? ", STA_UNSYNC" : ""
        return "maxerror \(maxErrorMicroseconds) µs, esterror \(estErrorMicroseconds) µs, status \(status)\(flag), adjtimex returned \(returnCode)"
    }
}
