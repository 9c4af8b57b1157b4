import FuzzSupport
import PreflightScenario

/// A drill scenario file through the loader: a scenario that loads has phases in time order within its length.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let scenario = try? DrillScenarioLoader.parse(Fuzz.text(data, size), path: "fuzz-scenario.yml") else { return 0 }
    precondition(scenario.phases.allSatisfy { $0.atSeconds >= 0 && $0.windowSeconds > 0 }, "a loaded phase outside time")
    return 0
}
