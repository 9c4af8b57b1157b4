/// SplitMix64: a tiny deterministic generator, so that the same seed gives the same stand-in market and the
/// same benchmark log.
public struct SeededRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Uniform in 0..<bound (a bound of at least 1), with the modulo's slight bias: for test data only.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Uniform in [-1, 1).
    public mutating func signedUnit() -> Double { unit() * 2 - 1 }

    /// A value fixed by (seed, a, b): for history that must not depend on the order it is asked for in.
    public static func hash(_ seed: UInt64, _ a: UInt64, _ b: UInt64) -> Double {
        var random = SeededRandom(seed: seed ^ (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F))
        return random.unit()
    }
}
