import Foundation
import XCTest
@testable import Grading

/// Every report format of ``ReportFixture`` against its golden file in `Tests/GradingTests/Golden`.
/// Run with `LABCTL_UPDATE_GOLDEN=1` to rewrite the golden files after an intended change (and read
/// the diff before committing it).
final class GoldenReportTests: XCTestCase {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func testTextReport() throws {
        for language in GradingLanguage.allCases {
            try assertGolden("report.\(language.rawValue).txt", PlainTextReport(language: language).render(ReportFixture.report(language)))
        }
    }

    func testJSONReport() throws {
        try assertGolden("report.json", JSONReport().render(ReportFixture.report(.en)))
    }

    func testJUnitReport() throws {
        for language in GradingLanguage.allCases {
            try assertGolden("junit.\(language.rawValue).xml", JUnitReport(language: language).render(ReportFixture.report(language)))
        }
    }

    func testMarkdownReport() throws {
        for language in GradingLanguage.allCases {
            try assertGolden("report.\(language.rawValue).md", MarkdownReport(language: language).render(ReportFixture.report(language)))
        }
    }

    func testHTMLReport() throws {
        for language in GradingLanguage.allCases {
            try assertGolden("report.\(language.rawValue).html", HTMLReport(language: language).render(ReportFixture.report(language)))
        }
    }

    func testGradescopeResults() throws {
        for language in GradingLanguage.allCases {
            try assertGolden("results.\(language.rawValue).json", GradescopeReport(language: language).render(ReportFixture.report(language)))
        }
    }

    func testRenderingIsDeterministic() {
        let report = ReportFixture.report(.es)
        XCTAssertEqual(HTMLReport(language: .es).render(report), HTMLReport(language: .es).render(report))
        XCTAssertEqual(GradescopeReport(language: .es).render(report), GradescopeReport(language: .es).render(report))
    }

    // MARK: - Golden files

    private func assertGolden(_ name: String, _ rendered: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LABCTL_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try rendered.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("missing golden file \(name); run the tests with LABCTL_UPDATE_GOLDEN=1 to write it", file: file, line: line)
            return
        }
        if golden != rendered {
            let goldenLines = golden.components(separatedBy: "\n"), renderedLines = rendered.components(separatedBy: "\n")
            let first = zip(goldenLines, renderedLines).enumerated().first { $0.element.0 != $0.element.1 }
            let at = first?.offset ?? min(goldenLines.count, renderedLines.count)
            let want = at < goldenLines.count ? goldenLines[at] : "<end>"
            let got = at < renderedLines.count ? renderedLines[at] : "<end>"
            XCTFail("\(name) differs from its golden file at line \(at + 1):\n  golden:   \(want)\n  rendered: \(got)\n"
                    + "(LABCTL_UPDATE_GOLDEN=1 rewrites it)", file: file, line: line)
        }
    }
}
