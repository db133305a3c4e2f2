// swift-tools-version:6.0
import PackageDescription

// bureau-compare: toolchain only, no package dependencies (the owner asked for none).
let package = Package(
    name: "bureau-compare",
    products: [
        .executable(name: "bureau-compare", targets: ["bureau-compare"]),
        .library(name: "DisclosureKit", targets: ["DisclosureKit"]),
        .library(name: "Analytics", targets: ["Analytics"]),
    ],
    targets: [
        // read → normalize → detect → segment → extract → resolve: never prints, never exits.
        .target(name: "DisclosureKit"),
        // align reports (bureau × year × kind), rank, budget against final: pure values, no printing, no files.
        .target(name: "Analytics", dependencies: ["DisclosureKit"]),
        // CSV, TSV, JSON text, terminal tables measured in display columns: pure string building.
        .target(name: "Rendering"),
        // The command layer: arguments, commands, streams, atomic files, exit codes.
        .target(name: "CompareCLI", dependencies: ["DisclosureKit", "Analytics", "Rendering"]),
        // main.swift only: hands the process arguments to CompareCLI and exits with its status.
        .executableTarget(name: "bureau-compare", dependencies: ["CompareCLI"]),
        // Helpers shared by the test targets (a CSV reader for checking output); not shipped.
        .target(name: "TestHelpers", path: "Tests/TestHelpers"),
        .testTarget(
            name: "DisclosureKitTests",
            // CompareCLI and Rendering: the mutation tests render each mutant as `extract` does.
            dependencies: ["DisclosureKit", "TestHelpers", "CompareCLI", "Rendering"],
            resources: [.copy("expected-metrics.csv"), .copy("Regressions")]
        ),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "DisclosureKit"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "TestHelpers"]),
        .testTarget(name: "CompareCLITests", dependencies: ["CompareCLI", "Analytics", "DisclosureKit", "Rendering", "TestHelpers"]),
        .testTarget(name: "EndToEndTests", dependencies: ["DisclosureKit", "TestHelpers"]),
    ],
    swiftLanguageModes: [.v6]
)
