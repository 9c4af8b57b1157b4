/// The thresholds the checks apply: the defaults, with the manifest's overrides on top.
public struct Policy: Codable, Sendable, Equatable {
    public private(set) var values: [Threshold: Double]

    public init(overrides: [Threshold: Double] = [:]) {
        var values: [Threshold: Double] = [:]
        for threshold in Threshold.allCases { values[threshold] = overrides[threshold] ?? threshold.defaultValue }
        self.values = values
    }

    public static let defaults = Policy()

    public subscript(_ threshold: Threshold) -> Double { values[threshold] ?? threshold.defaultValue }

    /// Integer thresholds read as Int (counts, milliseconds, days).
    public func int(_ threshold: Threshold) -> Int { Int(self[threshold]) }

    /// Thresholds that differ from the default.
    public var overridden: [Threshold] { Threshold.allCases.filter { self[$0] != $0.defaultValue } }
}

extension Manifest {
    /// The thresholds this manifest's checks run with: the defaults under its `policy.thresholds`.
    public var effectivePolicy: Policy {
        Policy(overrides: policy?.thresholds.mapValues(\.value) ?? [:])
    }
}
