import Foundation
import PreflightModel

/// Refuses JSON whose numbers no preflight wrote: not finite, or past ±2^53 (where a Double stops holding
/// every integer). Checked before a bundle or baseline is decoded, so that the checks, which add and scale
/// counts and milliseconds, never meet a value that overflows.
public enum JSONNumberBounds {
    public static let limit = 9_007_199_254_740_992.0

    /// The key path and text of the first number out of bounds, or nil when all are within them.
    public static func firstViolation(in data: Data) -> (path: String, value: String)? {
        guard let root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return visit(root, path: "")
    }

    private static func visit(_ value: Any, path: String) -> (path: String, value: String)? {
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let found = visit(object[key]!, path: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = visit(element, path: "\(path)[\(index)]") { return found }
            }
        case let number as NSNumber:
            let double = number.doubleValue
            if !double.isFinite || abs(double) > limit { return (path, NumberText.plain(double)) }
        default:
            break
        }
        return nil
    }
}
