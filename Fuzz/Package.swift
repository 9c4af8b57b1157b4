// swift-tools-version:6.0
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder: the clone's, whatever it is called.
let product = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

// libFuzzer targets, one per parser, kept out of the product's build: `scripts/fuzz` builds this package
// with `--sanitize fuzzer --sanitize address` and runs each target on its seed corpus (Corpus/<target>).
let targets = [
    "log-jsonl", "log-logfmt", "log-time", "framework-freqtrade", "framework-hummingbot", "manifest", "suppressions",
    "baseline", "bundle", "host-timedatectl", "host-timesync-status", "host-chronyc-tracking", "host-chronyc-sources",
    "host-ntpq", "host-ntpstat", "host-adjtimex", "host-sync-config", "host-captures", "scenario",
]

let package = Package(
    name: "preflight-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "PreflightKit", package: product)]
        ),
    ] + targets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport"],
            path: "Targets/\(name)",
            // No main: libFuzzer's own drives LLVMFuzzerTestOneInput.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    },
    swiftLanguageModes: [.v6]
)
