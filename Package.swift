// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "preflight",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "preflight", targets: ["preflight"]),
        .library(name: "PreflightKit", targets: ["PreflightKit", "PreflightModel", "PreflightChecks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
    ],
    targets: [
        // Plain values shared by everything: evidence, the declared manifest, findings, the check protocol.
        .target(name: "PreflightModel", swiftSettings: strict),
        // One file per checklist item, A1…E4. Pure: Evidence + Policy → Finding.
        .target(name: "PreflightChecks", dependencies: ["PreflightModel"], path: "checks", swiftSettings: strict),
        // zlib, for reading gzip-compressed log samples (needs zlib1g-dev).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // adjtimex(2), the kernel's own clock-sync view (Glibc's Swift module lacks struct timex).
        .target(name: "CAdjtimex"),
        // Manifest loading, collectors, the engine, scoring, the gate and the reporters.
        .target(
            name: "PreflightKit",
            dependencies: [
                "PreflightModel", "PreflightChecks", "CZlib", "CAdjtimex", "Yams",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "preflight",
            dependencies: ["PreflightKit", "PreflightModel", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // Log-reading benchmark (scripts/bench-logs.sh); not part of the test suite.
        .executableTarget(name: "preflight-bench", dependencies: ["PreflightKit"], swiftSettings: strict),
        .testTarget(
            name: "PreflightChecksTests",
            dependencies: ["PreflightChecks", "PreflightKit"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PreflightKitTests",
            dependencies: ["PreflightKit", "MockExchange", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PreflightCLITests",
            dependencies: ["PreflightKit", "MockExchange", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        // A local HTTP server posing as the five exchanges (signature checks, skewed clock, faults).
        .target(
            name: "MockExchange",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/MockExchange",
            swiftSettings: strict
        ),
        .testTarget(
            name: "MockExchangeTests",
            dependencies: ["MockExchange", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
