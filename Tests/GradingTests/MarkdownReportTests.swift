import XCTest
@testable import Grading

final class MarkdownReportTests: XCTestCase {
    func testTablePerExerciseAndFeedbackBelow() {
        let text = MarkdownReport(language: .en).render(ReportFixture.report(.en))
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("## ") }.count, 3)
        XCTAssertEqual(lines.filter { $0 == "|---|---|---|---:|" }.count, 2, "ej3 has only hidden checks: no table")
        XCTAssertTrue(text.contains("- **Total: 20.5/38**"), text)
        XCTAssertTrue(text.contains("| ✘ | `ej1.errors` | Error ratio \\| 5xx &lt;b&gt; | 0/10 |"), text)
        XCTAssertTrue(text.contains("| ~ | `ej1.p95` | p95 latency | 2.5/5 |"), text)
        XCTAssertTrue(text.contains("| ? | `ej2.dashboard` | Dashboard screenshot | instructor /10 |"), text)
        XCTAssertTrue(text.contains("- `answers/ej1.yaml:3:12`: the query returns other labels"), text)
        // Every table row has the header's four cells, whatever the titles hold.
        for line in lines where line.hasPrefix("| ") {
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            XCTAssertEqual(cells, 5, line)
        }
        // Notes keep their columns inside a fenced block, each line indented under the list item.
        XCTAssertTrue(text.contains("  ```text\n  expected                       actual\n"), text)
        XCTAssertTrue(text.contains("\n    > 0 && \"<script>\"\n  ```\n"), text)
        XCTAssertFalse(text.contains("SECRET"))
        XCTAssertTrue(text.contains("Hidden checks: 8/13 points."), text)
    }

    func testFenceOutgrowsBackticksInNotes() {
        XCTAssertEqual(MarkupEscaping.fence(for: "a ``` b"), "````")
        XCTAssertEqual(MarkupEscaping.fence(for: "plain"), "```")
    }

    func testEscapingKeepsIntrawordUnderscores() {
        XCTAssertEqual(MarkupEscaping.markdown("config_valid _x_ *y* [l](u) <i>|"), "config_valid \\_x\\_ \\*y\\* \\[l\\](u) &lt;i&gt;\\|")
    }

    func testSpanish() {
        let text = MarkdownReport(language: .es).render(ReportFixture.report(.es))
        XCTAssertTrue(text.contains("| | Comprobación | Qué se comprueba | Puntos |"), text)
        XCTAssertTrue(text.contains("1 comprobación (10 puntos) a calificar por el docente."), text)
    }
}
