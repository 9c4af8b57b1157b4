import Foundation
import PreflightModel

/// ANSI colour, only when writing to a terminal and `NO_COLOR` is unset.
public struct TextStyle: Sendable {
    public var colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    public static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> TextStyle {
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TextStyle(colour: isatty(STDOUT_FILENO) == 1 && !noColour && environment["TERM"] != "dumb")
    }

    func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }

    func label(_ status: Status) -> String {
        let text = status.label.padding(toLength: 7, withPad: " ", startingAt: 0)
        switch status {
        case .fail, .error: return paint(text, "1;31")
        case .warn: return paint(text, "33")
        case .pass: return paint(text, "32")
        case .unknown, .notApplicable: return dim(text)
        }
    }
}

extension Status {
    var label: String {
        switch self {
        case .notApplicable: "N/A"
        default: rawValue.uppercased()
        }
    }
}
