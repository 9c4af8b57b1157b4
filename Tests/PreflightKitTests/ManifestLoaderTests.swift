import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel
import Testing

private func problems(_ text: String, path: String = "bot.yml") -> [ManifestProblem] {
    do {
        _ = try ManifestLoader.parse(text, path: path)
        return []
    } catch let error as ManifestError {
        return error.problems
    } catch {
        Issue.record("unexpected error \(error)")
        return []
    }
}

private let header = "version: 1\nbot:\n  name: t\n  exchange: binance\n"

@Suite("Manifest loading")
struct ManifestLoaderTests {
    @Test func readsTheDocumentedExampleWithoutProblems() throws {
        let manifest = try ManifestLoader.load(path: PackagePaths.root + "/docs/preflight.example.yml")
        #expect(manifest.bot.exchange.value == .binance)
        #expect(manifest.retry?.maxAttempts?.value == 3)
        #expect(manifest.retry?.maxAttempts?.location.line == 36)
        #expect(manifest.circuitBreakers?.platform?.cooldownSeconds?.value == 120)
        #expect(manifest.logs?.fields["endpoint"]?.value == "path")
        #expect(manifest.suppressions.first?.check.value == "A2")
        #expect(manifest.inlineSecrets.isEmpty)
    }

    @Test func unknownKeyNamesLineColumnAndSuggestsTheKnownKey() {
        let found = problems(header + "retry:\n  max_atempts: 3\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 6)
        #expect(found.first?.column == 3)
        #expect(found.first?.description.contains("bot.yml:6:3: retry: unknown key 'max_atempts'; did you mean 'max_attempts'?") == true)
    }

    @Test func unknownSectionSuggestsTheSection() {
        let found = problems(header + "circuit_breaker:\n  auth: {failure_threshold: 1}\n")
        #expect(found.first?.message.contains("did you mean 'circuit_breakers'") == true)
    }

    @Test func wrongTypeNamesTheKeyPath() {
        let found = problems(header + "retry:\n  max_attempts: five\n")
        #expect(found.first?.keyPath == "retry.max_attempts")
        #expect(found.first?.line == 6)
        #expect(found.first?.message.contains("expected a whole number") == true)
    }

    @Test func wrongChoiceSuggestsTheClosest() {
        let found = problems(header + "errors:\n  auth: hallt\n")
        #expect(found.first?.message.contains("did you mean 'halt'") == true)
    }

    @Test func everyProblemIsReportedAtOnce() {
        let found = problems(header + "retry:\n  max_attempts: x\nclock:\n  recv_window: 5000\n")
        #expect(found.count == 2)
    }

    @Test func unsupportedVersionIsRefused() {
        let found = problems("version: 2\nbot:\n  name: t\n  exchange: binance\n")
        #expect(found.first?.message.contains("unsupported manifest version 2") == true)
        #expect(found.first?.line == 1)
    }

    @Test func missingVersionAndBotAreNamed() {
        #expect(problems("bot:\n  name: t\n  exchange: binance\n").first?.message.contains("'version'") == true)
        #expect(problems("version: 1\n").first?.message.contains("missing required key 'bot'") == true)
        #expect(problems("").first?.message.contains("empty") == true)
    }

    @Test func yamlSyntaxErrorCarriesTheLine() {
        let found = problems(header + "retry:\n  max_attempts: [3\n")
        #expect(found.first?.line != nil)
        #expect(found.first?.message.contains("YAML syntax error") == true)
    }

    @Test func duplicateKeysAreAnError() {
        let found = problems(header + "retry:\n  max_attempts: 3\n  max_attempts: 4\n")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("duplicate key 'max_attempts'") == true)
        #expect(found.first?.line != nil)
    }

    @Test func jsonManifestsAreRead() throws {
        let json = #"{"version": 1, "bot": {"name": "j", "exchange": "okx"}, "retry": {"max_attempts": 2}}"#
        let manifest = try ManifestLoader.parse(json, path: "bot.json")
        #expect(manifest.bot.exchange.value == .okx)
        #expect(manifest.retry?.maxAttempts?.value == 2)
        let found = problems(#"{"version": 1, "bot": {"name": "j", "exchange": "okx"}, "retry": {"max_atempts": 2}}"#, path: "bot.json")
        #expect(found.first?.line == 1)
        #expect(found.first?.message.contains("did you mean 'max_attempts'") == true)
    }

    @Test func inlineSecretsAreRecordedButNeverKeptOrEchoed() throws {
        let canary = "CANARY-7d1e0c55aa"
        let manifest = try ManifestLoader.parse(header + "credentials:\n  api_secret: \(canary)\n  api_key_env: \(canary)x/y\n", path: "bot.yml")
        #expect(manifest.inlineSecrets.map(\.field) == ["credentials.api_key_env", "credentials.api_secret"] ||
                manifest.inlineSecrets.map(\.field) == ["credentials.api_secret", "credentials.api_key_env"])
        #expect(manifest.inlineSecrets.allSatisfy { $0.line != nil })
        // A type error under credentials does not quote the value either.
        let found = problems(header + "credentials:\n  key_permissions: \(canary)\n")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { !$0.description.contains(canary) })
        let syntax = problems(header + "credentials:\n  api_secret: [\(canary)\n")
        #expect(syntax.allSatisfy { !$0.description.contains(canary) })
    }

    @Test func looseningAThresholdNeedsAReason() throws {
        let loose = problems(header + "policy:\n  thresholds:\n    max_attempts: 5\n")
        #expect(loose.first?.keyPath == "policy.thresholds.max_attempts")
        #expect(loose.first?.message.contains("policy.reason") == true)
        let tight = try ManifestLoader.parse(header + "policy:\n  thresholds:\n    max_attempts: 2\n", path: "bot.yml")
        #expect(tight.policy?.thresholds[.maxAttempts]?.value == 2)
        let explained = try ManifestLoader.parse(
            header + "policy:\n  thresholds:\n    max_attempts: 5\n  reason: venue rejects bursts; five spaced tries measured safe\n", path: "bot.yml")
        #expect(explained.policy?.thresholds[.maxAttempts]?.value == 5)
        #expect(problems(header + "policy:\n  thresholds:\n    max_attemps: 2\n").first?.message.contains("did you mean 'max_attempts'") == true)
    }

    @Test func suppressionsNeedAKnownCheckAndAReason() {
        #expect(problems(header + "suppressions:\n  - check: A7\n    reason: x\n").first?.message.contains("not a checklist item") == true)
        #expect(problems(header + "suppressions:\n  - check: A2\n").first?.message.contains("missing required key 'reason'") == true)
        #expect(problems(header + "suppressions:\n  - check: A2\n    reason: ''\n").first?.message.contains("needs a reason") == true)
    }

    @Test func logAliasesMustNameKnownFields() {
        let found = problems(header + "logs:\n  fields:\n    endpoitn: path\n")
        #expect(found.first?.message.contains("did you mean 'endpoint'") == true)
    }
}
