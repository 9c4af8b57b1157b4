import PreflightChecks
import PreflightModel
import PreflightSupport

/// `preflight checks` and `preflight explain ID`.
public enum CatalogRenderer {
    public static var items: [CheckItem] { Catalog.checks.map(\.item) }

    public static func text(style: TextStyle = TextStyle(colour: false)) -> String {
        var out: [String] = []
        for section in Section.allCases {
            out.append(style.bold("\(section.rawValue). \(section.title)"))
            for item in items where item.section == section {
                let head = "  \(item.id)  \(item.name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(item.severity.rawValue)"
                out.append(head)
                out += TextWrapper.wrap(item.summary, indent: "      ")
            }
            out.append("")
        }
        out.append("`preflight explain ID` shows an item's rule, evidence and remediation.")
        return out.joined(separator: "\n") + "\n"
    }

    public static func json() throws -> String {
        try JSONOutput.encode(CatalogDocument(toolVersion: ToolInfo.version, checklistVersion: ToolInfo.checklistVersion, items: items))
    }

    public static func explain(_ id: String, style: TextStyle = TextStyle(colour: false)) throws -> String {
        guard let check = Catalog.check(id: id) else {
            throw InputError("'\(id)' is not a checklist item\(Suggestion.hint(for: id.uppercased(), in: ChecklistIDs.all))")
        }
        let item = check.item
        var out: [String] = []
        out.append(style.bold("\(item.id) \(item.name)") + " · \(item.section.title) · \(item.severity.rawValue)")
        out.append("")
        out += TextWrapper.wrap(item.summary, indent: "")
        for (title, body) in [("Why it matters", item.rationale), ("Rule", item.rule), ("Remediation", item.remediation)] {
            out.append("")
            out.append(style.bold(title))
            out += TextWrapper.wrap(body, indent: "  ")
        }
        out.append("")
        out.append(style.bold("Evidence") + ", strongest first: " + SourceKind.allCases.filter(item.evidenceSources.contains).map(\.rawValue).joined(separator: ", "))
        if !item.references.isEmpty {
            out.append(style.bold("References"))
            out += item.references.map { "  \($0)" }
        }
        if !check.examples.isEmpty {
            out.append("")
            out.append(style.bold("Examples") + " (each runs as a test)")
            for example in check.examples {
                out.append("  \(example.expected.label): \(example.title)")
                out += example.manifest.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.isEmpty }.map { "      \($0)" }
                if let host = example.host { out += host.outline.map { "      \($0)" } }
                if let logs = example.logs {
                    let lines = logs.split(separator: "\n").map { String($0.prefix(72)) }
                    out.append("      log:")
                    out += lines.prefix(4).map { "        \($0)" }
                    if lines.count > 4 { out.append("        … \(lines.count - 4) more lines") }
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

struct CatalogDocument: Encodable {
    var toolVersion: String
    var checklistVersion: String
    var items: [CheckItem]
}
