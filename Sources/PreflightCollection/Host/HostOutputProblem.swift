/// A parser's complaint about output it does not recognise.
struct HostOutputProblem: Error, Sendable, Equatable {
    var message: String

    init(_ message: String) { self.message = message }

    /// Quotes a piece of unexpected output, shortened, so the report shows what the tool printed.
    static func quote(_ text: some StringProtocol) -> String {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let short = line.count > 80 ? String(line.prefix(80)) + "…" : line
        return "'\(short)'"
    }
}
