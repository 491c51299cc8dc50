import Diagnostics
import Foundation
import XCTest
@testable import labctl

final class ConsoleTests: XCTestCase {
    func testColoursNeedATerminalAndNoNoColor() {
        XCTAssertTrue(TestConsole(terminal: true).console.colorsOnStderr)
        XCTAssertTrue(TestConsole(terminal: true).console.colorsOnStdout)
        XCTAssertFalse(TestConsole(terminal: false).console.colorsOnStderr)
        XCTAssertFalse(TestConsole(environment: ["NO_COLOR": "1"], terminal: true).console.colorsOnStderr)
        XCTAssertTrue(TestConsole(environment: ["NO_COLOR": ""], terminal: true).console.colorsOnStderr,
                      "an empty NO_COLOR does not count (no-color.org)")
        XCTAssertFalse(TestConsole(environment: ["TERM": "dumb"], terminal: true).console.colorsOnStdout)
    }

    private let report = DiagnosticReport(files: ["a.yml"], diagnostics: [
        .warning("lint/x", "looks odd", at: SourceLocation(file: "a.yml", line: 1, column: 4)),
    ])

    func testEmitTextGoesToStderrWithSourceOnlyOnTerminals() {
        let sources = SourceCache([SourceText(file: "a.yml", text: "key: value\n")])
        let plain = TestConsole()
        XCTAssertEqual(plain.console.emit(report, format: .text, lintFatal: false, sources: sources), .success)
        XCTAssertEqual(plain.stdout, "")
        XCTAssertEqual(plain.stderr, "a.yml:1:4: warning: [lint/x] looks odd\n1 warning in 1 file\n")

        let terminal = TestConsole(environment: ["NO_COLOR": "yes"], terminal: true)
        XCTAssertEqual(terminal.console.emit(report, format: .text, lintFatal: true, sources: sources), .lintFindings)
        XCTAssertEqual(terminal.stderr,
                       "a.yml:1:4: warning: [lint/x] looks odd\n 1 | key: value\n   |    ^\n1 warning in 1 file\n")

        let coloured = TestConsole(terminal: true)
        _ = coloured.console.emit(report, format: .text, lintFatal: false, sources: sources)
        XCTAssertTrue(coloured.stderr.contains("\u{1B}["))
    }

    func testEmitMachineFormatsGoToStdout() {
        let json = TestConsole()
        XCTAssertEqual(json.console.emit(report, format: .json, lintFatal: false, sources: SourceCache()), .success)
        XCTAssertEqual(json.stdout, JSONDiagnosticRenderer().render(report))
        XCTAssertEqual(json.stderr, "")
        let junit = TestConsole()
        XCTAssertEqual(junit.console.emit(report, format: .junit, lintFatal: true, sources: SourceCache()), .lintFindings)
        XCTAssertTrue(junit.stdout.contains("<failure type=\"warning\""))
    }

    func testExitCodeForReport() {
        let error = DiagnosticReport(diagnostics: [.error("e", "x"), .warning("w", "y")])
        XCTAssertEqual(ExitCode.forReport(error, lintFatal: true), .failure)
        XCTAssertEqual(ExitCode.forReport(report, lintFatal: false), .success)
        XCTAssertEqual(ExitCode.forReport(report, lintFatal: true), .lintFindings)
        XCTAssertEqual(ExitCode.forReport(DiagnosticReport(diagnostics: []), lintFatal: true), .success)
        XCTAssertEqual([ExitCode.success, .failure, .usageError, .lintFindings].map(\.rawValue), [0, 1, 2, 3])
    }
}

final class InputSourceTests: XCTestCase {
    func testDashMeansStandardInput() throws {
        XCTAssertEqual(InputSource(argument: "-"), .standardInput)
        XCTAssertEqual(InputSource(argument: "./-"), .file("./-"))
        let console = TestConsole(input: "a: 1\n")
        let text = try InputSource.standardInput.read(using: console.console)
        XCTAssertEqual(text.file, "<stdin>")
        XCTAssertEqual(text.line(1), "a: 1")
    }

    func testFilesAndReadErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.yml").path
        try Data([0x61, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        let console = TestConsole().console
        XCTAssertEqual(try InputSource.file(path).read(using: console).line(1), "a\u{FFFD}")
        XCTAssertThrowsError(try InputSource.file(dir.path).read(using: console)) { error in
            XCTAssertEqual((error as? CLIError)?.exitCode, .failure)
        }
        XCTAssertThrowsError(try InputSource.file(path + ".missing").read(using: console)) { error in
            XCTAssertEqual((error as? CLIError)?.message, "\(path).missing: no such file")
        }
    }
}
