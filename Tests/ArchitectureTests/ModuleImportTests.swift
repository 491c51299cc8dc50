import Foundation
import XCTest

/// The package's module graph as the compiler sees it: every `import` of a package module is a
/// declared dependency, the graph has no cycles, and the layers the design names hold.
final class ModuleImportTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func manifest() throws -> PackageManifest {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        return PackageManifest(parsing: text)
    }

    func testEveryImportIsADeclaredDependency() throws {
        let manifest = try manifest()
        let files = ImportGraphCheck.sourceFiles(manifest, root: Self.root)
        XCTAssertGreaterThan(files.count, 500, "the walk found the package's sources")
        XCTAssertTrue(files.contains { $0.target == "Storage" })
        let violations = ImportGraphCheck.violations(manifest, files: files)
        XCTAssertTrue(violations.isEmpty, violations.joined(separator: "\n"))
    }

    func testDeclaredGraphIsAcyclicAndEveryTargetHasItsFolder() throws {
        let manifest = try manifest()
        XCTAssertEqual(ImportGraphCheck.cycles(manifest), [])
        for target in manifest.targets {
            for path in target.sourcePaths {
                XCTAssertTrue(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path),
                              "\(target.name): \(path)")
            }
        }
    }

    func testLayersTheDesignNames() throws {
        let manifest = try manifest()
        let storage = manifest.closure(of: "Storage")
        XCTAssertTrue(storage.isDisjoint(with: ["PromQL", "Runtime", "ConfigModel", "YAML", "Grading"]),
                      "storage never sees the query language or the engine: \(storage.sorted())")
        for name in ["Diagnostics", "YAML", "PromModel", "PromQL", "ConfigModel", "Storage", "Runtime", "LabCatalog"] {
            XCTAssertFalse(manifest.closure(of: name).contains("Grading"), "\(name) is below Grading")
        }
        let executables = Set(manifest.targets.filter { $0.kind == "executableTarget" }.map(\.name))
        let tests = Set(manifest.targets.filter { $0.kind == "testTarget" }.map(\.name))
        for target in manifest.targets {
            XCTAssertTrue(Set(target.dependencies).isDisjoint(with: tests), "\(target.name) depends on a test target")
            if target.kind != "testTarget" {
                XCTAssertTrue(Set(target.dependencies).isDisjoint(with: executables), "\(target.name) depends on a CLI")
            }
        }
    }

    /// The shared test helpers sit beside the tests: they use no package module, and only test targets
    /// use them (no shipped module can depend on XCTest helpers).
    func testTestSupportIsUsedByTestsOnly() throws {
        let manifest = try manifest()
        let support = try XCTUnwrap(manifest.target("LabctlTestSupport"))
        XCTAssertEqual(support.kind, "target")
        XCTAssertEqual(support.dependencies, [])
        XCTAssertEqual(support.sourcePaths, ["Tests/LabctlTestSupport"])
        let users = manifest.targets.filter { $0.dependencies.contains("LabctlTestSupport") }
        XCTAssertGreaterThanOrEqual(users.count, 6)
        for target in users { XCTAssertEqual(target.kind, "testTarget", "\(target.name) uses the test helpers") }
    }

    // MARK: - The checker itself

    private let fixture = """
        let package = Package(
            name: "p",
            targets: [
                .systemLibrary(name: "CLib", pkgConfig: "x"),
                .target(name: "Low"),
                .target(name: "Mid", dependencies: ["Low", .target(name: "CLib")], exclude: ["Fixtures"]),
                .target(name: "Top", dependencies: ["Mid"], path: "Top", sources: ["Main.swift"]),
                .testTarget(name: "MidTests", dependencies: ["Mid"]),
            ]
        )
        """

    func testManifestReading() {
        let m = PackageManifest(parsing: fixture)
        XCTAssertEqual(m.targets.map(\.name), ["CLib", "Low", "Mid", "Top", "MidTests"])
        XCTAssertEqual(m.target("Mid")?.dependencies, ["Low", "CLib"])
        XCTAssertEqual(m.target("Mid")?.excluded, ["Sources/Mid/Fixtures"])
        XCTAssertEqual(m.target("Top")?.sourcePaths, ["Top/Main.swift"])
        XCTAssertEqual(m.target("MidTests")?.sourcePaths, ["Tests/MidTests"])
        XCTAssertEqual(m.closure(of: "Top"), ["Mid", "Low", "CLib"])
        XCTAssertEqual(ImportGraphCheck.cycles(m), [])
    }

    func testUndeclaredAndUpwardImportsAreFound() {
        let m = PackageManifest(parsing: fixture)
        let files = [
            ImportGraphCheck.SourceFile(target: "Top", path: "Top/Main.swift", text: "import Foundation\nimport Mid\nimport Low\n"),
            ImportGraphCheck.SourceFile(target: "Low", path: "Sources/Low/A.swift", text: "import struct Mid.Thing\n"),
            ImportGraphCheck.SourceFile(target: "MidTests", path: "Tests/MidTests/T.swift",
                                        text: "import XCTest\n@testable import Mid\n"),
        ]
        XCTAssertEqual(ImportGraphCheck.violations(m, files: files), [
            "Top/Main.swift:3: Top imports Low, which is not among its declared dependencies",
            "Sources/Low/A.swift:1: Low imports Mid, which is not among its declared dependencies",
        ])
    }

    func testImportsInStringsAndCommentsAreNotImports() {
        let source = """
            import Foundation
            // import Hidden
            /*
            import AlsoHidden
            */
            let script = \"\"\"
            import sys
            \"\"\"
            #if canImport(Glibc)
            @preconcurrency import Glibc
            #endif
            """
        XCTAssertEqual(SourceImports(source: source).imports.map(\.module), ["Foundation", "Glibc"])
        XCTAssertEqual(SourceImports(source: source).imports.map(\.line), [1, 10])
    }

    func testACycleIsReported() {
        let m = PackageManifest(parsing: #".target(name: "A", dependencies: ["B"]), .target(name: "B", dependencies: ["A"])"#)
        XCTAssertEqual(ImportGraphCheck.cycles(m), ["A", "B"])
    }
}
