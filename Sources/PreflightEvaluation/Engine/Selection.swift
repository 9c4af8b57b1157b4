import PreflightSupport
import PreflightModel
/// Which items to run: `--only` and `--skip`, validated against the catalog.
public struct Selection: Sendable, Equatable {
    public var only: [String]
    public var skip: [String]

    public static let all = Selection(only: [], skip: [])

    public init(only: [String], skip: [String]) {
        self.only = only
        self.skip = skip
    }

    /// Parses comma- or space-separated ids, any case. Unknown ids are a usage error.
    public static func parse(only: [String], skip: [String]) throws -> Selection {
        Selection(only: try ids(only, option: "--only"), skip: try ids(skip, option: "--skip"))
    }

    private static func ids(_ values: [String], option: String) throws -> [String] {
        let words = values.flatMap { $0.split(whereSeparator: { $0 == "," || $0 == " " }) }.map { $0.uppercased() }
        for word in words where !ChecklistIDs.all.contains(word) {
            throw InputError("\(option): '\(word)' is not a checklist item\(Suggestion.hint(for: word, in: ChecklistIDs.all))")
        }
        return words
    }

    public func includes(_ id: String) -> Bool {
        (only.isEmpty || only.contains(id)) && !skip.contains(id)
    }
}
