// swift-tools-version:6.0
import PackageDescription

/// labctl: a toolchain for Prometheus + Grafana monitoring labs.
///
/// Modules depend downwards only (see README "Architecture"); every `import` of a package module must be
/// declared in `dependencies` below (Tests/ArchitectureTests reads this file and checks the import lines):
/// labctl → Grading → Runtime, LabCatalog → ConfigModel → PromQL → PromModel → RE2, YAML → CYAML, Diagnostics;
/// Runtime → Storage → PromModel (storage never sees PromQL or the engine); PromModel → GoCompat (Go's formats);
/// Runtime → Exposition → PromModel, Diagnostics (metrics text parsing, writing and lint; no engine, no storage).
let package = Package(
    name: "labctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "labctl", targets: ["labctl"]),
        // The fuzz targets' entry points, for the libFuzzer package in Fuzz/ (built only by Fuzz/run).
        .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
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
        // Go's formats that Prometheus's output and inputs follow: quoting, floats, RFC 3339 time, civil
        // dates, query escaping. Depends on nothing.
        .target(name: "GoCompat"),
        .target(name: "PromModel", dependencies: ["RE2", "GoCompat"]),
        .target(name: "PromQL", dependencies: ["PromModel", "RE2", "GoCompat", "Diagnostics"]),
        .target(name: "ConfigModel", dependencies: ["YAML", "PromQL", "PromModel", "RE2", "GoCompat", "Diagnostics"]),
        // The in-memory and WAL-backed series store: below the engine, which reads it through `Querier`.
        .target(name: "Storage", dependencies: ["PromModel"]),
        // Metrics exposition (text 0.0.4, OpenMetrics): parsing, writing and lints.
        .target(name: "Exposition", dependencies: ["PromModel", "Diagnostics"]),
        .target(name: "Runtime", dependencies: ["PromQL", "PromModel", "RE2", "GoCompat", "Diagnostics", "ConfigModel",
                                               "YAML", "Storage", "Exposition"]),
        // The lab content: labs/ and templates/ at the package root, copied as resources. The target's
        // folder is the root, so every other target's folder is excluded below the package.
        .target(
            name: "LabContent",
            path: ".",
            exclude: ["Tests", "Benchmarks", "README.md", "Fuzz"],
            sources: ["Sources/LabContent/LabContentBundle.swift"],
            resources: [.copy("labs"), .copy("templates")]
        ),
        .target(
            name: "LabCatalog",
            dependencies: ["Diagnostics", "YAML", "PromModel", "LabContent"]
        ),
        .target(
            name: "Grading",
            dependencies: ["Diagnostics", "YAML", "GoCompat", "PromModel", "PromQL", "ConfigModel", "Storage", "Runtime",
                           "LabCatalog"]
        ),
        .executableTarget(
            name: "labctl",
            dependencies: ["Diagnostics", "YAML", "GoCompat", "PromModel", "PromQL", "ConfigModel", "Storage", "Exposition",
                           "Runtime", "LabCatalog", "Grading"]
        ),
        .target(
            name: "FuzzTargets",
            dependencies: ["YAML", "RE2", "PromModel", "PromQL", "ConfigModel", "Storage", "Exposition", "Runtime",
                           "LabCatalog", "LabContent", "Grading"]
        ),
        .executableTarget(
            name: "labctl-bench",
            dependencies: ["Diagnostics", "YAML", "RE2", "GoCompat", "PromModel", "PromQL", "ConfigModel", "Storage",
                           "Exposition", "Runtime", "LabCatalog", "Grading"],
            path: "Benchmarks",
            exclude: ["compare-promtool.sh"]
        ),
        // Helpers the test targets share: the built binaries, installed tools, temporary folders, child
        // processes with a time limit. Depends on no package module; only test targets depend on it.
        .target(name: "LabctlTestSupport", path: "Tests/LabctlTestSupport"),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "YAMLTests", dependencies: ["LabctlTestSupport", "YAML", "Diagnostics"]),
        .testTarget(name: "RE2Tests", dependencies: ["RE2"]),
        .testTarget(name: "GoCompatTests", dependencies: ["GoCompat"]),
        .testTarget(name: "PromModelTests", dependencies: ["PromModel"]),
        .testTarget(name: "PromQLTests", dependencies: ["PromQL", "PromModel", "Diagnostics"]),
        .testTarget(name: "ConfigModelTests", dependencies: ["LabctlTestSupport", "ConfigModel", "YAML", "PromQL", "PromModel", "GoCompat",
                                                        "Diagnostics"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ExpositionTests", dependencies: ["Exposition", "PromModel", "Diagnostics"]),
        .testTarget(name: "StorageTests", dependencies: ["LabctlTestSupport", "Storage", "PromModel"]),
        .testTarget(name: "RuntimeTests", dependencies: ["LabctlTestSupport", "Runtime", "Storage", "Exposition", "PromQL", "PromModel", "GoCompat",
                                                    "ConfigModel", "Diagnostics"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "LabCatalogTests", dependencies: ["LabctlTestSupport", "LabCatalog", "LabContent", "YAML", "Diagnostics"]),
        .testTarget(name: "GradingTests", dependencies: ["LabctlTestSupport", "Grading", "LabCatalog", "Storage", "Runtime", "PromModel",
                                                    "Diagnostics"],
                    exclude: ["Golden"]),
        .testTarget(name: "labctlTests", dependencies: ["LabctlTestSupport", "labctl", "Runtime", "Storage", "Exposition", "LabCatalog", "ConfigModel", "PromModel",
                                                   "GoCompat", "Diagnostics"]),
        // Reads this file and every `import` line: each imported package module must be declared above.
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets"], exclude: ["Inputs"]),
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
