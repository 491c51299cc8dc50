import Foundation
import XCTest
@testable import Grading
import LabctlTestSupport

/// The HTML report opened in a real browser: headless Chromium takes a screenshot of it. Skipped
/// when `chromium` is not on PATH.
final class HTMLScreenshotTests: XCTestCase {
    func testChromiumRendersTheReport() throws {
        guard let chromium = ToolLocator.path("chromium") ?? ToolLocator.path("chromium-browser") else {
            throw XCTSkip("chromium is not installed")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("report.html")
        let png = dir.appendingPathComponent("report.png")
        try HTMLReport(language: .es).render(ReportFixture.report(.es)).write(to: page, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                             "--screenshot=\(png.path)", "--window-size=1200,900", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + 60) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            done.wait()
            XCTFail("chromium did not finish within 60 s")
            return
        }
        let data = try Data(contentsOf: png)
        XCTAssertGreaterThan(data.count, 10_000, "a 1200×900 screenshot of the report is more than a blank page")
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG signature")
        // IHDR: width and height, big-endian, at bytes 16..<24.
        let header = Array(data.dropFirst(16).prefix(8))
        XCTAssertEqual(header.count, 8)
        let width = header.prefix(4).reduce(0) { $0 << 8 | Int($1) }
        let height = header.suffix(4).reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(width, 1200)
        XCTAssertEqual(height, 900)
        if let keep = ProcessInfo.processInfo.environment["LABCTL_KEEP_SCREENSHOT"], !keep.isEmpty {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep))
        }
    }
}
