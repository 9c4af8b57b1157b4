import Foundation
import PreflightModel
import PreflightSupport

/// Whether and where to read the host's clock. Opt-in: a CI runner must never judge its own clock as the bot's.
public enum HostCollection: Sendable, Equatable {
    /// This machine, now (`--host`): only meaningful when preflight runs on the bot's host.
    case live
    /// A folder of outputs captured on the bot's host (`--host-captures DIR`).
    case captured(folder: String)

    /// The collector for this choice. Throws an input error (exit 2) for a capture folder that does not
    /// exist; the collector itself never throws.
    public func collector(configuration: HostClockCollector.Configuration = .init()) throws -> HostClockCollector {
        switch self {
        case .live:
            return HostClockCollector.live(now: Date(), configuration: configuration)
        case .captured(let folder):
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw InputError("--host-captures \(folder): not a folder (capture one on the bot host with the script in the README)")
            }
            return HostClockCollector.captured(folder: folder)
        }
    }
}
