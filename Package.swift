// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "preflight",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "preflight", targets: ["preflight"]),
        .library(name: "PreflightKit", targets: ["PreflightModel", "PreflightChecks", "PreflightSupport", "PreflightCollection", "PreflightEvaluation", "PreflightScenario"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        // The exchange stand-in's HTTP/1.1 and WebSocket server.
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
    ],
    targets: [
        // The flow is one way: collection reads the world into Evidence, evaluation judges Evidence into a Report.
        // Neither imports the other; docs/architecture.md draws it.
        //
        // Plain values shared by everything: evidence, the declared manifest, findings, the check protocol.
        .target(name: "PreflightModel", swiftSettings: strict),
        // One file per checklist item, A1…E4. Pure: Evidence + Policy → Finding.
        .target(name: "PreflightChecks", dependencies: ["PreflightModel"], path: "checks", swiftSettings: strict),
        // What collection and evaluation both use: the evidence bundle between them, bounded file reads,
        // input errors, times, the tool's name and version.
        .target(name: "PreflightSupport", dependencies: ["PreflightModel"], swiftSettings: strict),
        // zlib, for reading gzip-compressed log samples (needs zlib1g-dev).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // adjtimex(2), the kernel's own clock-sync view (Glibc's Swift module lacks struct timex).
        .target(name: "CAdjtimex"),
        // Everything that reads the world: the manifest and framework configs, log samples, the host's clock,
        // the exchange's probes, the files the manifest names.
        .target(
            name: "PreflightCollection",
            dependencies: [
                "PreflightModel", "PreflightSupport", "CZlib", "CAdjtimex", "Yams",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // Drill scenarios: the versioned YAML format, its loader and the built-in scenarios. No server in it, so
        // the fuzz build and the product library stay free of SwiftNIO.
        .target(
            name: "PreflightScenario",
            dependencies: ["PreflightModel", "PreflightSupport", "PreflightCollection", "Yams"],
            swiftSettings: strict
        ),
        // The exchange stand-in: Binance spot on SwiftNIO (REST, market streams, a seeded market, orders), the
        // probes' endpoints of the other exchanges, faults a drill arms, the wire record. Knows nothing of checks.
        .target(
            name: "PreflightStandIn",
            dependencies: [
                "PreflightModel", "PreflightSupport",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // Collection's drill: the bot as a child process, the stand-in's wire record turned into evidence.
        .target(
            name: "PreflightDrill",
            dependencies: ["PreflightModel", "PreflightSupport", "PreflightCollection", "PreflightScenario", "PreflightStandIn"],
            swiftSettings: strict
        ),
        // Evidence to report: the checks, suppressions, baseline, score, coverage, the gate and the reporters.
        .target(
            name: "PreflightEvaluation",
            dependencies: ["PreflightModel", "PreflightChecks", "PreflightSupport"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "preflight",
            dependencies: [
                "PreflightModel", "PreflightSupport", "PreflightCollection", "PreflightEvaluation", "PreflightScenario", "PreflightDrill",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Log-reading benchmark (scripts/bench-logs.sh); not part of the test suite.
        .executableTarget(name: "preflight-bench", dependencies: ["PreflightCollection", "PreflightEvaluation", "PreflightSupport", "PreflightModel"], swiftSettings: strict),
        .testTarget(
            name: "PreflightChecksTests",
            dependencies: ["PreflightChecks", "PreflightCollection", "PreflightEvaluation", "PreflightSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PreflightKitTests",
            dependencies: [
                "PreflightCollection", "PreflightEvaluation", "PreflightSupport", "PreflightStandIn",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PreflightCLITests",
            dependencies: ["PreflightSupport", "PreflightStandIn", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .testTarget(name: "ScenarioTests", dependencies: ["PreflightScenario", "PreflightModel"], swiftSettings: strict),
        .testTarget(
            name: "StandInTests",
            dependencies: ["PreflightStandIn", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
