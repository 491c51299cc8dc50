import Foundation
import XCTest
@testable import LabCatalog

/// Runs real tools on every generated lab when they are installed: python3 -m py_compile,
/// promtool check config / check rules, amtool check-config. Skips cleanly otherwise.
final class GeneratedFilesToolTests: XCTestCase {
    private static func tool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private func run(_ tool: String, _ arguments: [String], in directory: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Every lab written into a temporary folder.
    private func writeAll() throws -> [(LabSpec, URL)] {
        let catalog = try TestSupport.catalog()
        let root = try TestSupport.temporaryDirectory(self)
        let writer = LabWriter(catalog: catalog)
        return try catalog.labs.map { lab in
            let dir = root.appendingPathComponent(lab.id)
            try writer.apply(try writer.plan(lab, directory: dir.path, given: TestSupport.exampleValues(lab), force: false))
            return (lab, dir)
        }
    }

    func testPythonFilesCompile() throws {
        guard let python = Self.tool("python3") else { throw XCTSkip("python3 is not installed") }
        var compiled = 0
        for (lab, dir) in try writeAll() {
            for file in lab.files where file.kind == .python {
                let (status, output) = try run(python, ["-m", "py_compile", file.path], in: dir)
                XCTAssertEqual(status, 0, "\(lab.id)/\(file.path): \(output)")
                compiled += 1
            }
        }
        XCTAssertGreaterThanOrEqual(compiled, 14)
    }

    func testPromtoolAcceptsConfigsAndRules() throws {
        guard let promtool = Self.tool("promtool") else { throw XCTSkip("promtool is not installed") }
        var checked = 0
        for (lab, dir) in try writeAll() {
            for file in lab.files where file.kind == .prometheusConfig || file.kind == .rules {
                let verb = file.kind == .rules ? ["check", "rules"] : ["check", "config", "--syntax-only"]
                let (status, output) = try run(promtool, verb + [file.path], in: dir)
                XCTAssertEqual(status, 0, "\(lab.id)/\(file.path): \(output)")
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 14)
    }

    func testAmtoolAcceptsAlertmanagerConfigs() throws {
        guard let amtool = Self.tool("amtool") else { throw XCTSkip("amtool is not installed") }
        var checked = 0
        for (lab, dir) in try writeAll() {
            for file in lab.files where file.kind == .alertmanager {
                let (status, output) = try run(amtool, ["check-config", file.path], in: dir)
                XCTAssertEqual(status, 0, "\(lab.id)/\(file.path): \(output)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 2, "labs 7 and 8")
    }

    func testDashboardsAreJSON() throws {
        for (lab, dir) in try writeAll() {
            for file in lab.files where file.kind == .dashboard {
                let data = try Data(contentsOf: dir.appendingPathComponent(file.path))
                let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                XCTAssertNotNil(object?["panels"], "\(lab.id)/\(file.path)")
            }
        }
    }
}
