import Foundation
import XCTest
@testable import LabCatalog
import LabctlTestSupport

/// Runs real tools on every generated lab when they are installed: python3 -m py_compile,
/// promtool check config / check rules, amtool check-config. Skips cleanly otherwise.
final class GeneratedFilesToolTests: XCTestCase {
    /// Runs `tool` in `directory` (bounded to 300 s): its status and its output and errors together.
    private func run(_ tool: String, _ arguments: [String], in directory: URL) throws -> (Int32, String) {
        let result = try ChildProcess.run(tool, arguments: arguments, directory: directory, timeout: 300)
        return (result.status, result.stdout + result.stderr)
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
        let python = try ToolLocator.require("python3")
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
        let promtool = try ToolLocator.require("promtool")
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
        let amtool = try ToolLocator.require("amtool")
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
