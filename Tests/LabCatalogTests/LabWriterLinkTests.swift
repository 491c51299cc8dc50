import XCTest
@testable import LabCatalog

/// Symbolic links inside a lab directory must never lead `init` to read or write outside it.
final class LabWriterLinkTests: XCTestCase {
    private func fixture() throws -> (writer: LabWriter, lab: LabSpec, dir: URL, outside: URL) {
        let catalog = try TestSupport.catalog()
        let root = try TestSupport.temporaryDirectory(self)
        let dir = root.appendingPathComponent("lab")
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        return (LabWriter(catalog: catalog), try catalog.requireLab("lab1"), dir, outside)
    }

    private func outsideEntries(_ outside: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: outside.path)
    }

    func testLinkedFolderIsRefused() throws {
        let f = try fixture()
        let folder = try XCTUnwrap(f.lab.files.map(\.path).first { $0.contains("/") }?.split(separator: "/").first)
        try FileManager.default.createSymbolicLink(at: f.dir.appendingPathComponent(String(folder)), withDestinationURL: f.outside)
        XCTAssertThrowsError(try f.writer.apply(try f.writer.plan(f.lab, directory: f.dir.path, given: [:], force: true))) {
            XCTAssertTrue("\($0)".contains("symbolic link"), "\($0)")
        }
        XCTAssertEqual(try outsideEntries(f.outside), [])
    }

    func testLinkedStateFolderIsRefusedBeforeWriting() throws {
        let f = try fixture()
        try FileManager.default.createSymbolicLink(at: f.dir.appendingPathComponent(LabAnswers.stateFolder), withDestinationURL: f.outside)
        XCTAssertThrowsError(try f.writer.plan(f.lab, directory: f.dir.path, given: [:], force: false))
        XCTAssertEqual(try outsideEntries(f.outside), [])
        XCTAssertThrowsError(try f.writer.planUpdate(directory: f.dir.path, given: [:]))
    }

    func testLinkedFileIsNotReadOrReplaced() throws {
        let f = try fixture()
        let secret = f.outside.appendingPathComponent("secret")
        try "SECRET\n".write(to: secret, atomically: true, encoding: .utf8)
        let path = try XCTUnwrap(f.lab.files.first?.path)
        let link = f.dir.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: secret)
        XCTAssertThrowsError(try f.writer.plan(f.lab, directory: f.dir.path, given: [:], force: true))
        XCTAssertEqual(try TestSupport.read(secret), "SECRET\n")
    }

    func testDanglingOrLoopingLabDirectorySaysSymlink() throws {
        let f = try fixture()
        let dangling = f.outside.appendingPathComponent("dangling")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: f.outside.appendingPathComponent("nowhere").path)
        XCTAssertThrowsError(try f.writer.plan(f.lab, directory: dangling.path, given: [:], force: false)) {
            XCTAssertTrue("\($0)".contains("is a symbolic link: a dangling"), "\($0)")
        }
        let loop = f.outside.appendingPathComponent("loop")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: loop.path)
        XCTAssertThrowsError(try f.writer.plan(f.lab, directory: loop.path, given: [:], force: false)) {
            XCTAssertTrue("\($0)".contains("is a symbolic link: a loop"), "\($0)")
        }
        XCTAssertThrowsError(try f.writer.planUpdate(directory: loop.path, given: [:])) {
            XCTAssertTrue("\($0)".contains("symbolic link"), "\($0)")
        }
        let linked = f.outside.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(atPath: linked.path, withDestinationPath: f.dir.path)
        XCTAssertNoThrow(try f.writer.plan(f.lab, directory: linked.path, given: [:], force: false))
    }
}
