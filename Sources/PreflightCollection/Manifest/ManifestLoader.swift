import Foundation
import PreflightModel
import Yams
import PreflightSupport

/// Reads `preflight.yml` (YAML or JSON, `version: 1`) into a `Manifest`, or fails with every problem located.
public enum ManifestLoader {
    /// Keys under `credentials` that hold a secret itself. Their values are never kept or shown.
    static let secretKeys = ["api_key", "api_secret", "secret", "secret_key", "passphrase", "private_key", "password", "token"]

    public static func load(path: String) throws -> Manifest {
        try parse(readText(path, what: "manifest"), path: path)
    }

    /// A separate suppressions file: `version: 1` and a `suppressions` list, as in the manifest.
    public static func loadSuppressions(path: String) throws -> [Suppression] {
        try parseSuppressions(readText(path, what: "suppressions file"), path: path)
    }

    /// A suppressions file's text; `path` names it in errors.
    public static func parseSuppressions(_ text: String, path: String) throws -> [Suppression] {
        let root = try compose(text, path: path, empty: "the suppressions file is empty")
        let diagnostics = ManifestDiagnostics(file: path)
        var suppressions: [Suppression] = []
        if var top = MappingReader(root, keyPath: "", diagnostics: diagnostics) {
            if let version = top.int("version"), version.value != Manifest.supportedVersion {
                diagnostics.report("unsupported version \(version.value); this preflight reads version \(Manifest.supportedVersion)", at: top.raw("version"), keyPath: "version")
            }
            if let nodes = top.sequence("suppressions") {
                suppressions = SectionReader(diagnostics: diagnostics).suppressions(nodes)
            } else if !top.presentKeys.contains("suppressions") {
                top.missing("suppressions")
            }
            top.finish()
        }
        guard diagnostics.problems.isEmpty else { throw ManifestError(diagnostics.problems) }
        return suppressions
    }

    static func readText(_ path: String, what: String) throws -> String {
        switch BoundedFile.read(path, limit: BoundedFile.Limit.manifest) {
        case .success(let data):
            guard let text = String(data: data, encoding: .utf8) else {
                throw ManifestError([ManifestProblem(file: path, message: "not UTF-8 text")])
            }
            return text
        case .failure(let failure):
            throw ManifestError([ManifestProblem(file: path, message: "cannot read the \(what): \(failure)")])
        }
    }


    /// Composes YAML (or JSON) text into a node tree, after refusing the shapes that would make composing it
    /// blow up (see `YAMLAliasGuard`); `empty` is the problem for a document with nothing in it.
    public static func compose(_ text: String, path: String, empty: String) throws -> Node {
        if let refusal = YAMLAliasGuard.check(text) {
            throw ManifestError([ManifestProblem(file: path, line: refusal.line, column: refusal.column, message: refusal.message)])
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ManifestError([ManifestProblem(file: path, line: 1, message: empty)])
            }
            return node
        } catch let error as YamlError {
            throw ManifestError([syntaxProblem(error, file: path)])
        }
    }

    public static func parse(_ text: String, path: String) throws -> Manifest {
        let root = try compose(text, path: path, empty: "the manifest is empty; it needs at least 'version: 1' and a 'bot' section")
        let diagnostics = ManifestDiagnostics(file: path)
        let manifest = read(root, path: path, diagnostics: diagnostics)
        diagnostics.reportSecretsReusedElsewhere()
        guard diagnostics.problems.isEmpty, var manifest else {
            throw ManifestError(diagnostics.problems)
        }
        manifest.inlineSecrets = diagnostics.inlineSecrets
        return manifest
    }

    /// YAML syntax errors, reported without quoting the offending line (it may hold a secret).
    static func syntaxProblem(_ error: YamlError, file: String) -> ManifestProblem {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return ManifestProblem(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return ManifestProblem(file: file, line: context.mark.line, column: context.mark.column,
                                   message: "duplicate key \(keys) in the mapping that starts here")
        case let .reader(problem, offset, _, _):
            return ManifestProblem(file: file, message: "cannot decode the text: \(problem)" + (offset.map { " at byte \($0)" } ?? ""))
        default:
            return ManifestProblem(file: file, message: "YAML error: \(error)")
        }
    }

    private static func read(_ root: Node, path: String, diagnostics: ManifestDiagnostics) -> Manifest? {
        guard var top = MappingReader(root, keyPath: "", diagnostics: diagnostics) else { return nil }
        guard let version = top.int("version") else {
            if !top.presentKeys.contains("version") {
                diagnostics.report("missing required key 'version' (write 'version: \(Manifest.supportedVersion)')", at: root, keyPath: "version")
            }
            top.finish()
            return nil
        }
        guard version.value == Manifest.supportedVersion else {
            diagnostics.report(
                "unsupported manifest version \(version.value); this preflight reads version \(Manifest.supportedVersion)",
                at: top.raw("version"), keyPath: "version"
            )
            return nil
        }
        let sections = SectionReader(diagnostics: diagnostics)
        let bot = top.mapping("bot").flatMap { sections.bot($0) }
        if !top.has("bot") { top.missing("bot") }

        let credentials = top.mapping("credentials").map { sections.credentials($0) }
        let clock = top.mapping("clock").map { sections.clock($0) }
        let concurrency = top.mapping("concurrency").map { sections.concurrency($0) }
        let retry = top.mapping("retry").map { sections.retry($0) }
        let errors = top.mapping("errors").map { sections.errors($0) }
        let breakers = top.mapping("circuit_breakers").map { sections.circuitBreakers($0) }
        let streams = top.mapping("streams").map { sections.streams($0) }
        let recovery = top.mapping("recovery").map { sections.recovery($0) }
        let orders = top.mapping("orders").map { sections.orders($0) }
        let killSwitch = top.mapping("kill_switch").map { sections.killSwitch($0) }
        let monitoring = top.mapping("monitoring").map { sections.monitoring($0) }
        let logs = top.mapping("logs").map { sections.logs($0) }
        let policy = top.mapping("policy").map { sections.policy($0) }
        let suppressions = top.sequence("suppressions").map { sections.suppressions($0) } ?? []
        top.finish()

        guard let bot else { return nil }
        var manifest = Manifest(path: path, version: version.value, bot: bot)
        manifest.credentials = credentials
        manifest.clock = clock
        manifest.concurrency = concurrency
        manifest.retry = retry
        manifest.errors = errors
        manifest.circuitBreakers = breakers
        manifest.streams = streams
        manifest.recovery = recovery
        manifest.orders = orders
        manifest.killSwitch = killSwitch
        manifest.monitoring = monitoring
        manifest.logs = logs
        manifest.policy = policy
        manifest.suppressions = suppressions
        return manifest
    }
}
