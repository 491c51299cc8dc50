import Foundation
import LabContent
import XCTest
@testable import LabCatalog

/// Where the lab content is found: the `LabContent` resource bundle, `$LABCTL_CONTENT`, the source root.
final class ContentLocatorTests: XCTestCase {
    private let fm = FileManager.default

    /// A content folder with `labs/` and `templates/` (each only when asked) and the given lab folders.
    private func content(labs: Bool = true, templates: Bool = true, labFolders: [String: Bool] = [:]) throws -> URL {
        let root = try TestSupport.temporaryDirectory(self)
        if labs { try fm.createDirectory(at: root.appendingPathComponent("labs"), withIntermediateDirectories: true) }
        if templates { try fm.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true) }
        for (name, hasSpec) in labFolders {
            let folder = root.appendingPathComponent("labs").appendingPathComponent(name)
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            if hasSpec { try "id: \(name)\n".write(to: folder.appendingPathComponent("lab.yaml"), atomically: true, encoding: .utf8) }
        }
        return root
    }

    private func overrideError(_ url: URL) -> String? {
        do {
            _ = try ContentLocator.locate(environment: [ContentLocator.environmentVariable: url.path])
            return nil
        } catch {
            return "\(error)"
        }
    }

    func testInstalledContentComesFromTheLabContentBundle() throws {
        let root = try ContentLocator.locate(environment: [:])
        XCTAssertTrue(LabContentBundle.bundleNames.contains { root.path.hasSuffix("/" + $0) }, root.path)
        XCTAssertTrue(fm.fileExists(atPath: root.appendingPathComponent("labs/lab0/lab.yaml").path))
        XCTAssertTrue(fm.fileExists(atPath: root.appendingPathComponent("labs/domains.yaml").path))
        XCTAssertTrue(fm.fileExists(atPath: root.appendingPathComponent("templates/lab0/docker-compose.yml").path))
        XCTAssertNil(ContentLocator.problem(at: root))
    }

    func testSourceRootHoldsTheContent() {
        let root = LabContentBundle.sourceRoot
        XCTAssertTrue(fm.fileExists(atPath: root.appendingPathComponent("Package.swift").path), root.path)
        XCTAssertNil(ContentLocator.problem(at: root))
        XCTAssertTrue(fm.fileExists(atPath: root.appendingPathComponent("labs/README.md").path))
        XCTAssertTrue(fm.fileExists(atPath: root.appendingPathComponent("templates/README.md").path))
    }

    func testTheBundleMatchesTheSources() throws {
        let bundle = try ContentLocator.locate(environment: [:])
        for folder in ["labs", "templates"] {
            let source = LabContentBundle.sourceRoot.appendingPathComponent(folder)
            let copied = bundle.appendingPathComponent(folder)
            let sourceFiles = try XCTUnwrap(fm.subpaths(atPath: source.path)).sorted()
            XCTAssertEqual(try XCTUnwrap(fm.subpaths(atPath: copied.path)).sorted(), sourceFiles, folder)
            XCTAssertGreaterThan(sourceFiles.count, 10, folder)
        }
    }

    func testProblems() throws {
        XCTAssertEqual(ContentLocator.problem(at: URL(fileURLWithPath: "/nonexistent-labctl-content")), "no such folder")
        XCTAssertEqual(ContentLocator.problem(at: try content(labs: false)), "no labs/ folder")
        XCTAssertEqual(ContentLocator.problem(at: try content(templates: false, labFolders: ["lab0": true])),
                       "no templates/ folder")
        XCTAssertEqual(ContentLocator.problem(at: try content()), "labs/ holds no lab")
        // Folders without lab.yaml and hidden folders are not labs.
        XCTAssertEqual(ContentLocator.problem(at: try content(labFolders: ["lab0": false, ".lab1": true])),
                       "labs/ holds no lab")
        XCTAssertNil(ContentLocator.problem(at: try content(labFolders: ["lab0": true])))
    }

    func testOverrideWithoutLabsIsAnError() throws {
        let empty = try content()
        let message = try XCTUnwrap(overrideError(empty))
        XCTAssertEqual(message, "lab content not found: LABCTL_CONTENT=\(empty.path): labs/ holds no lab "
                       + "(expected a folder with labs/<lab>/lab.yaml and templates/)")
        XCTAssertTrue(try XCTUnwrap(overrideError(try content(labs: false))).contains(": no labs/ folder ("))
        XCTAssertTrue(try XCTUnwrap(overrideError(empty.appendingPathComponent("missing"))).contains(": no such folder ("))
        // A plain file is not a folder either.
        let file = empty.appendingPathComponent("file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertTrue(try XCTUnwrap(overrideError(file)).contains(": no such folder ("))
        XCTAssertThrowsError(try Catalog.installed(environment: [ContentLocator.environmentVariable: empty.path]))
    }

    func testOverrideWithALabIsTaken() throws {
        let root = try content(labFolders: ["lab0": true])
        XCTAssertEqual(try ContentLocator.locate(environment: [ContentLocator.environmentVariable: root.path]).path, root.path)
        // An empty value means no override.
        XCTAssertEqual(try ContentLocator.locate(environment: [ContentLocator.environmentVariable: ""]).path,
                       try ContentLocator.locate(environment: [:]).path)
    }
}
