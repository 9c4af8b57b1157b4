// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "preflight",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "preflight", targets: ["preflight"]),
        .library(name: "PreflightKit", targets: ["PreflightKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Plain values shared by everything: evidence, the declared manifest, findings, the check protocol.
        .target(name: "PreflightModel", swiftSettings: strict),
        // One file per checklist item, A1…E4. Pure: Evidence + Policy → Finding.
        .target(name: "PreflightChecks", dependencies: ["PreflightModel"], path: "checks", swiftSettings: strict),
        // Manifest loading, collectors, the engine, scoring, the gate and the reporters.
        .target(
            name: "PreflightKit",
            dependencies: ["PreflightModel", "PreflightChecks", "Yams"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "preflight",
            dependencies: ["PreflightKit", "PreflightModel", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PreflightChecksTests",
            dependencies: ["PreflightChecks", "PreflightKit"],
            swiftSettings: strict
        ),
        .testTarget(name: "PreflightKitTests", dependencies: ["PreflightKit"], swiftSettings: strict),
        .testTarget(name: "PreflightCLITests", dependencies: ["PreflightKit"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
