import Foundation
import FuzzSupport
import PreflightCollection
import PreflightEvaluation
import PreflightSupport
import PreflightModel

/// A manifest, YAML or JSON, through the loader; when it loads, through every check and reporter.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let manifest = try? ManifestLoader.parse(Fuzz.text(data, size), path: "fuzz.yml") else { return 0 }
    Fuzz.report(Evidence(collectedAt: Date(timeIntervalSince1970: 1_795_564_800), manifest: manifest), formats: [.text, .json])
    return 0
}
