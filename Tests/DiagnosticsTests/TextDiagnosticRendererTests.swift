import Foundation
import XCTest
@testable import Diagnostics

final class TextDiagnosticRendererTests: XCTestCase {
    private let rules = SourceText(file: "rules.yml", text: """
        groups:
          - name: demo
            rules:
        \t- expr: rate(x[5m]
        """)

    private var report: DiagnosticReport {
        DiagnosticReport(files: ["rules.yml"], diagnostics: [
            .warning("rules/name-style", "group name should be snake_case",
                     at: SourceLocation(file: "rules.yml", line: 2, column: 13)),
            .error("promql/unclosed-paren", "unclosed left parenthesis",
                   at: SourceLocation(file: "rules.yml", line: 4, column: 14),
                   notes: [.init("opened here", at: SourceLocation(file: "rules.yml", line: 4, column: 12)),
                           .init("see the PromQL docs")]),
        ])
    }

    func testPlainLinesWithNotesAndSummary() {
        let renderer = TextDiagnosticRenderer(options: .init(showSummary: true))
        XCTAssertEqual(renderer.render(report), """
            rules.yml:2:13: warning: [rules/name-style] group name should be snake_case
            rules.yml:4:14: error: [promql/unclosed-paren] unclosed left parenthesis
              rules.yml:4:12: note: opened here
              note: see the PromQL docs
            1 error, 1 warning in 1 file

            """)
    }

    func testSourceLineAndCaretKeepTabs() {
        let renderer = TextDiagnosticRenderer(options: .init(showSource: true), sources: SourceCache([rules]))
        XCTAssertEqual(renderer.render(report), """
            rules.yml:2:13: warning: [rules/name-style] group name should be snake_case
             2 |   - name: demo
               |             ^
            rules.yml:4:14: error: [promql/unclosed-paren] unclosed left parenthesis
             4 | \t- expr: rate(x[5m]
               | \t            ^
              rules.yml:4:12: note: opened here
              note: see the PromQL docs

            """)
    }

    func testMissingSourceOrLineQuotesNothing() {
        let renderer = TextDiagnosticRenderer(options: .init(showSource: true), sources: SourceCache([rules]))
        let report = DiagnosticReport(diagnostics: [
            .error("x/y", "past the end", at: SourceLocation(file: "rules.yml", line: 99, column: 1)),
            .error("x/y", "unknown file", at: SourceLocation(file: "other.yml", line: 1, column: 1)),
            .error("x/z", "no location"),
        ])
        XCTAssertEqual(renderer.render(report), """
            error: [x/z] no location
            other.yml:1:1: error: [x/y] unknown file
            rules.yml:99:1: error: [x/y] past the end

            """)
    }

    func testCaretAtEndOfLineAndColumnOutOfRange() {
        let source = SourceText(file: "f", text: "abc\n")
        let renderer = TextDiagnosticRenderer(options: .init(showSource: true), sources: SourceCache([source]))
        let report = DiagnosticReport(diagnostics: [
            .error("x/end", "at end", at: SourceLocation(file: "f", line: 1, column: 40)),
            .error("x/zero", "column zero", at: SourceLocation(file: "f", line: 1, column: 0)),
        ])
        XCTAssertEqual(renderer.render(report), """
            f:1:0: error: [x/zero] column zero
             1 | abc
               | ^
            f:1:40: error: [x/end] at end
             1 | abc
               |    ^

            """)
    }

    func testLongLinesAreCutAroundTheColumn() {
        let line = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let source = SourceText(file: "long", text: line)
        let renderer = TextDiagnosticRenderer(options: .init(showSource: true), sources: SourceCache([source]))
        let out = renderer.render(DiagnosticReport(diagnostics: [
            .error("x/long", "here", at: SourceLocation(file: "long", line: 1, column: 301)),
        ]))
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        let quoted = lines[1], caret = lines[2]
        XCTAssertTrue(quoted.hasPrefix(" 1 | ...a") && quoted.hasSuffix("b..."), quoted)
        XCTAssertEqual(quoted.count, " 1 | ".count + 3 + TextDiagnosticRenderer.maxQuotedWidth + 3)
        let xOffset = quoted.distance(from: quoted.startIndex, to: quoted.firstIndex(of: "X") ?? quoted.endIndex)
        XCTAssertEqual(caret.count - 1, xOffset, "caret sits under the X")
    }

    func testColoursOnlyWhenAsked() {
        let plain = TextDiagnosticRenderer().render(report)
        XCTAssertFalse(plain.contains("\u{1B}["))
        let coloured = TextDiagnosticRenderer(options: .init(showSource: true, colors: true),
                                              sources: SourceCache([rules])).render(report)
        XCTAssertTrue(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        XCTAssertTrue(coloured.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        XCTAssertTrue(coloured.contains("\u{1B}[1;32m^\u{1B}[0m"))
    }

    func testControlCharactersCannotReachTheTerminal() {
        let source = SourceText(file: "f", text: "a\u{1B}[31mb\n")
        let renderer = TextDiagnosticRenderer(options: .init(showSource: true), sources: SourceCache([source]))
        let out = renderer.render(DiagnosticReport(diagnostics: [
            .error("x/esc", "bad \u{1B}[2J\nsecond line", at: SourceLocation(file: "f", line: 1, column: 3)),
        ]))
        XCTAssertFalse(out.contains("\u{1B}"))
        XCTAssertEqual(out, "f:1:3: error: [x/esc] bad ?[2J second line\n 1 | a?[31mb\n   |   ^\n")
    }

    func testSummaryWording() {
        XCTAssertEqual(TextDiagnosticRenderer.summary(of: DiagnosticReport(files: ["a"], diagnostics: [])),
                       "no problems found in 1 file")
        XCTAssertEqual(TextDiagnosticRenderer.summary(of: DiagnosticReport(diagnostics: [])), "no problems found")
        let many = DiagnosticReport(files: ["a", "b"], diagnostics: [
            .error("x", "1"), .error("x", "2"), .warning("y", "3"), Diagnostic(.info, code: "z", "4"),
        ])
        XCTAssertEqual(TextDiagnosticRenderer.summary(of: many), "2 errors, 1 warning, 1 info in 2 files")
    }
}
