// swift-tools-version:6.0
import PackageDescription

/// labctl: a toolchain for Prometheus + Grafana monitoring labs.
///
/// Modules depend downwards only (see README "Architecture"):
/// labctl → Grading → Runtime, LabCatalog → ConfigModel → PromQL → PromModel → RE2, YAML → CYAML, Diagnostics.
/// Exposition (metrics text parsing, writing and lint) sits below Runtime, beside PromQL:
/// Runtime → Exposition → PromModel, Diagnostics — so the exposition code cannot reach the engine or storage.
let package = Package(
    name: "labctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "labctl", targets: ["labctl"]),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "Diagnostics"),
        .target(name: "YAML", dependencies: ["CYAML", "Diagnostics"]),
        .target(name: "RE2"),
        .target(name: "PromModel", dependencies: ["RE2"]),
        .target(name: "PromQL", dependencies: ["PromModel", "Diagnostics"]),
        .target(name: "Exposition", dependencies: ["PromModel", "Diagnostics"]),
        .target(name: "ConfigModel", dependencies: ["YAML", "PromQL", "PromModel", "Diagnostics"]),
        .target(name: "Runtime", dependencies: ["PromQL", "PromModel", "Diagnostics", "ConfigModel", "YAML",
                                                "Exposition"]),
        // The lab content: labs/ and templates/ at the package root, copied as resources. The target's
        // folder is the root, so every other target's folder is excluded below the package.
        .target(
            name: "LabContent",
            path: ".",
            exclude: ["Tests", "Benchmarks", "README.md"],
            sources: ["Sources/LabContent/LabContentBundle.swift"],
            resources: [.copy("labs"), .copy("templates")]
        ),
        .target(
            name: "LabCatalog",
            dependencies: ["Diagnostics", "YAML", "PromModel", "LabContent"]
        ),
        .target(
            name: "Grading",
            dependencies: ["Diagnostics", "YAML", "PromModel", "PromQL", "ConfigModel", "Runtime", "LabCatalog"]
        ),
        .executableTarget(
            name: "labctl",
            dependencies: ["Diagnostics", "YAML", "PromModel", "PromQL", "ConfigModel", "Exposition", "Runtime",
                           "LabCatalog", "Grading"]
        ),
        .executableTarget(
            name: "labctl-bench",
            dependencies: ["Diagnostics", "YAML", "RE2", "PromModel", "PromQL", "ConfigModel", "Exposition",
                           "Runtime", "LabCatalog", "Grading"],
            path: "Benchmarks",
            exclude: ["compare-promtool.sh"]
        ),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "Diagnostics"]),
        .testTarget(name: "RE2Tests", dependencies: ["RE2"]),
        .testTarget(name: "PromModelTests", dependencies: ["PromModel"]),
        .testTarget(name: "PromQLTests", dependencies: ["PromQL", "PromModel", "Diagnostics"]),
        .testTarget(name: "ExpositionTests", dependencies: ["Exposition", "PromModel", "Diagnostics"]),
        .testTarget(name: "ConfigModelTests", dependencies: ["ConfigModel", "YAML", "Diagnostics"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "Exposition", "PromQL", "PromModel", "ConfigModel"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "LabCatalogTests", dependencies: ["LabCatalog", "LabContent", "YAML", "Diagnostics"]),
        .testTarget(name: "GradingTests", dependencies: ["Grading", "LabCatalog", "Runtime", "Diagnostics"],
                    exclude: ["Golden"]),
        .testTarget(name: "labctlTests", dependencies: ["labctl"]),
    ],
    swiftLanguageModes: [.v6]
)

// LabContent's folder is the package root: keep the other targets' folders out of it (else SwiftPM
// warns about their files as unhandled resources).
for content in package.targets where content.name == "LabContent" {
    content.exclude += package.targets
        .filter { $0.name != content.name && $0.path == nil && $0.type != .test }
        .map { "Sources/\($0.name)" }
}
