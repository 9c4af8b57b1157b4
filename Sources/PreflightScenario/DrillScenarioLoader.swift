import PreflightCollection
import PreflightModel
import PreflightSupport
import Yams

/// Reads a scenario:
///
/// ```yaml
/// version: 1
/// name: my-drill
/// phases:
///   - name: warm-up
///     at: 0s
///     window: 10s
///   - name: throttled
///     at: 10s
///     window: 20s
///     fault: rate_limit
///     scope: all
///     requests: 3
///     retry_after_s: 2
/// ```
///
/// Every problem names file:line:column; unknown keys and out-of-range values are problems, not ignored.
public enum DrillScenarioLoader {
    public static let maximumPhases = 100
    public static let maximumDurationSeconds = 3600.0

    public static func load(path: String) throws -> DrillScenario {
        let data = try BoundedFile.input(path, limit: 1 << 20, what: "the scenario")
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String) throws -> DrillScenario {
        let root: Node
        do {
            root = try ManifestLoader.compose(text, path: path, empty: "the scenario is empty; it needs version: 1 and phases")
        } catch let error as ManifestError {
            let first = error.problems.first
            throw ScenarioError(file: path, line: first?.line ?? 1, column: first?.column ?? 1, first?.message ?? "not YAML")
        }
        var reader = ScenarioReader(path: path)
        return try reader.scenario(root)
    }
}

/// Walks the scenario's nodes, keeping the place of each for its errors.
struct ScenarioReader {
    let path: String

    func error(_ node: Node?, _ message: String) -> ScenarioError {
        ScenarioError(file: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message)
    }

    func entries(_ node: Node, allowed: Set<String>, in context: String) throws -> [String: Node] {
        guard let mapping = node.mapping else { throw error(node, "\(context) must be a mapping") }
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw error(key, "\(context): keys must be plain names") }
            guard allowed.contains(name) else {
                throw error(key, "\(context): unknown key '\(name)' (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
            entries[name] = value
        }
        return entries
    }

    mutating func scenario(_ root: Node) throws -> DrillScenario {
        let top = try entries(root, allowed: ["version", "name", "phases", "weight_per_minute"], in: "the scenario")
        guard let versionNode = top["version"] else { throw error(root, "the scenario needs version: \(DrillScenario.currentVersion)") }
        guard versionNode.int == DrillScenario.currentVersion else {
            throw error(versionNode, "version must be \(DrillScenario.currentVersion) (this preflight reads scenario version \(DrillScenario.currentVersion))")
        }
        guard let phasesNode = top["phases"] else { throw error(root, "the scenario needs a phases list") }
        guard let list = phasesNode.sequence, !list.isEmpty else { throw error(phasesNode, "phases must be a non-empty list") }
        guard list.count <= DrillScenarioLoader.maximumPhases else {
            throw error(phasesNode, "at most \(DrillScenarioLoader.maximumPhases) phases")
        }
        var phases: [DrillPhase] = []
        for node in list { phases.append(try phase(node, index: phases.count + 1)) }
        for (earlier, later) in zip(phases, phases.dropFirst()) where later.atSeconds < earlier.atSeconds {
            throw error(list[phases.firstIndex(of: later) ?? 0], "phase '\(later.name)' starts before the phase above it ('\(earlier.name)'); list phases in time order")
        }
        let name = top["name"]?.string ?? "scenario"
        var weight = DrillScenario.defaultWeightPerMinute
        if let node = top["weight_per_minute"] {
            guard let value = node.int, (1...100_000_000).contains(value) else {
                throw error(node, "weight_per_minute must be a whole number from 1 to 100000000 (Binance's default is 6000)")
            }
            weight = value
        }
        let scenario = DrillScenario(name: name, phases: phases, weightPerMinute: weight)
        guard scenario.duration <= DrillScenarioLoader.maximumDurationSeconds else {
            throw error(phasesNode, "the scenario lasts \(Int(scenario.duration)) s; at most \(Int(DrillScenarioLoader.maximumDurationSeconds)) s")
        }
        return scenario
    }

    func phase(_ node: Node, index: Int) throws -> DrillPhase {
        let allowed = Set(["name", "at", "window", "fault"]).union(FaultParameters.allKeys)
        let fields = try entries(node, allowed: allowed, in: "phase \(index)")
        let name = fields["name"]?.string ?? fields["fault"]?.string ?? "phase-\(index)"
        let at = try duration(fields["at"], in: node, key: "at", phase: name)
        let window = try duration(fields["window"], in: node, key: "window", phase: name)
        guard window > 0 else { throw error(fields["window"], "phase '\(name)': window must be longer than 0 s") }
        var faults: [InjectedFault] = []
        if let faultNode = fields["fault"] {
            faults.append(try FaultParameters(reader: self, phase: name, fields: fields).fault(faultNode))
        } else if let stray = FaultParameters.allKeys.first(where: { fields[$0] != nil }) {
            throw error(fields[stray], "phase '\(name)': '\(stray)' is a fault parameter, but the phase names no fault")
        }
        return DrillPhase(name: name, atSeconds: at, windowSeconds: window, faults: faults)
    }

    func duration(_ node: Node?, in phase: Node, key: String, phase name: String) throws -> Double {
        guard let node else { throw error(phase, "phase '\(name)' needs '\(key)' (e.g. \(key): 10s)") }
        guard let text = node.string, let parsed = CommandLineDuration(parsing: text) else {
            throw error(node, "phase '\(name)': \(key) must be a duration such as 10s, 500ms or 2m")
        }
        return parsed.seconds
    }
}
