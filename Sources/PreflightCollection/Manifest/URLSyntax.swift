import Foundation

enum URLSyntax {
    static func isHTTP(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}

enum EnvironmentName {
    /// POSIX-style: letters, digits and underscores, not starting with a digit, at most 64 characters.
    static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.count <= 64 else { return false }
        let allowed = CharacterSet.uppercaseLetters.union(.lowercaseLetters).union(.decimalDigits).union(CharacterSet(charactersIn: "_"))
        return !CharacterSet.decimalDigits.contains(first) && text.unicodeScalars.allSatisfy { $0.isASCII && allowed.contains($0) }
    }
}
