import PreflightModel

/// A duration as a user types it on the command line: `3s`, `500ms`, `1m`, `1h`, or plain seconds (`2.5`).
public struct CommandLineDuration: Sendable, Equatable, CustomStringConvertible {
    public var seconds: Double

    public init(seconds: Double) { self.seconds = seconds }

    /// nil for anything that is not a finite, non-negative number with an optional unit.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        var number = Substring(trimmed)
        var scale = 1.0
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            number = trimmed.dropLast(unit.suffix.count)
            scale = unit.seconds
            break
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(number), value.isFinite else { return nil }
        seconds = value * scale
    }

    public var milliseconds: Int {
        Int(exactly: (seconds * 1000).rounded()) ?? (seconds > 0 ? Int.max : 0)
    }

    public var description: String {
        seconds < 1 ? "\(milliseconds) ms" : "\(NumberText.short(seconds)) s"
    }
}
