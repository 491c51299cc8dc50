import Foundation
import XCTest
@testable import labctl

/// The progress line appears only on a terminal outside CI, after its delay, and is erased.
final class ProgressLineTests: XCTestCase {
    private func run(terminal: Bool, environment: [String: String], seconds: TimeInterval = 0.4) -> String {
        let console = TestConsole(environment: environment, terminal: terminal)
        let progress = ProgressLine(console.console, "checking lab7", delay: 0.05, refresh: 0.02)
        Thread.sleep(forTimeInterval: seconds)
        progress.update("checking lab7: rules")
        Thread.sleep(forTimeInterval: 0.1)
        progress.finish()
        progress.finish()
        let after = console.stderr
        Thread.sleep(forTimeInterval: 0.1)
        XCTAssertEqual(console.stderr, after, "nothing is drawn after finish()")
        XCTAssertEqual(console.stdout, "")
        return console.stderr
    }

    func testNothingIsPrintedWhenStderrIsNotATerminal() {
        XCTAssertEqual(run(terminal: false, environment: [:]), "")
    }

    func testNothingIsPrintedInCI() {
        XCTAssertEqual(run(terminal: true, environment: ["CI": "true"]), "")
        XCTAssertEqual(run(terminal: true, environment: ["TERM": "dumb"]), "")
    }

    func testATerminalGetsALineRedrawnInPlaceAndErased() {
        let text = run(terminal: true, environment: [:])
        XCTAssertTrue(text.hasPrefix("\r\u{1B}[2Kchecking lab7 (0 s)"), text.debugDescription)
        XCTAssertTrue(text.contains("checking lab7: rules"), text.debugDescription)
        XCTAssertTrue(text.hasSuffix("\r\u{1B}[2K"), "erased at the end: \(text.debugDescription)")
        XCTAssertFalse(text.contains("\n"), "the line is redrawn in place")
    }

    func testQuickWorkPrintsNothing() {
        let console = TestConsole(terminal: true)
        let progress = ProgressLine(console.console, "quick", delay: 5)
        progress.finish()
        XCTAssertEqual(console.stderr, "")
    }

    /// End to end: a check run in a pipe (the test's stderr) prints only its diagnostics.
    func testCheckLabInAPipeHasNoProgressLine() throws {
        let lab = LabctlProcess.packageRoot.appendingPathComponent("Tests/Fixtures/labs/typical-mistakes")
        let result = try LabctlProcess.run(["check", "lab", lab.path])
        XCTAssertFalse(result.stderr.contains("\r"), result.stderr)
        XCTAssertFalse(result.stderr.contains("checking the lab"), result.stderr)
    }
}
