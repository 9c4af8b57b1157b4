/// Wraps prose to a column width, keeping an indent on every line.
enum TextWrapper {
    static func wrap(_ text: String, width: Int = 80, indent: String, firstIndent: String? = nil) -> [String] {
        var lines: [String] = []
        var current = firstIndent ?? indent
        var currentIsEmpty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = currentIsEmpty ? current + word : current + " " + word
            if candidate.count > width, !currentIsEmpty {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
            currentIsEmpty = false
        }
        if !currentIsEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
