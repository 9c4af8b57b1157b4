import Foundation

extension JSONEncoder {
    /// Indented, keys sorted and slashes left alone: two runs' files differ only where their data does,
    /// and paths and URLs read as written.
    public static func stableOutput() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
