import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Diagnostics

final class JUnitDiagnosticRendererTests: XCTestCase {
    private let report = DiagnosticReport(files: ["clean.yml", "bad.yml"], diagnostics: [
        .error("rules/bad-expr", "unexpected <EOF> & more", at: SourceLocation(file: "bad.yml", line: 4, column: 9),
               notes: [.init("rule starts here", at: SourceLocation(file: "bad.yml", line: 2, column: 3))]),
        .warning("rules/style", "name \"x\" isn't snake_case", at: SourceLocation(file: "bad.yml", line: 2, column: 11)),
        .error("io/unreadable", "cannot read input"),
    ])

    func testGolden() {
        XCTAssertEqual(JUnitDiagnosticRenderer().render(report), """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="labctl" tests="4" failures="2" errors="0">
              <testsuite name="labctl" tests="1" failures="1" errors="0" skipped="0">
                <testcase name="[io/unreadable]" classname="labctl">
                  <failure type="error" message="cannot read input">error: [io/unreadable] cannot read input</failure>
                </testcase>
              </testsuite>
              <testsuite name="clean.yml" tests="1" failures="0" errors="0" skipped="0">
                <testcase name="clean.yml" classname="clean.yml"/>
              </testsuite>
              <testsuite name="bad.yml" tests="2" failures="1" errors="0" skipped="0">
                <testcase name="2:11 [rules/style]" classname="bad.yml">
                  <system-out>bad.yml:2:11: warning: [rules/style] name "x" isn't snake_case</system-out>
                </testcase>
                <testcase name="4:9 [rules/bad-expr]" classname="bad.yml">
                  <failure type="error" message="unexpected &lt;EOF&gt; &amp; more">bad.yml:4:9: error: [rules/bad-expr] unexpected &lt;EOF&gt; &amp; more
              bad.yml:2:3: note: rule starts here</failure>
                </testcase>
              </testsuite>
            </testsuites>

            """)
    }

    func testWarningsBecomeFailuresWithLintFatal() {
        let out = JUnitDiagnosticRenderer(warningsAreFailures: true).render(report)
        XCTAssertTrue(out.contains("<testsuites name=\"labctl\" tests=\"4\" failures=\"3\" errors=\"0\">"))
        XCTAssertTrue(out.contains("<failure type=\"warning\" message=\"name &quot;x&quot; isn&apos;t snake_case\">"))
    }

    func testAttributeAndTextEscaping() {
        XCTAssertEqual(JUnitDiagnosticRenderer.attribute("a<b>&\"c'\n\t"), "\"a&lt;b&gt;&amp;&quot;c&apos;&#10;&#9;\"")
        XCTAssertEqual(JUnitDiagnosticRenderer.text("x\u{0}y\u{FFFE}z\r\n"), "x\u{FFFD}y\u{FFFD}z&#13;\n")
        XCTAssertEqual(JUnitDiagnosticRenderer.text("'\"ok\""), "'\"ok\"")
    }

    func testOutputIsWellFormedXMLEvenForHostileText() {
        let nasty = "]]> <!-- & \u{1} \u{B} \"'\u{FFFF} 🙂"
        let hostile = DiagnosticReport(files: [nasty], diagnostics: [
            .error(nasty, nasty, at: SourceLocation(file: nasty, line: 1, column: 1), notes: [.init(nasty)]),
        ])
        let xml = JUnitDiagnosticRenderer(suiteName: nasty).render(hostile)
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "") in\n\(xml)")
        XCTAssertEqual(collector.elements.filter { $0 == "testsuite" }.count, 1)
        XCTAssertEqual(collector.elements.filter { $0 == "failure" }.count, 1)
        XCTAssertEqual(collector.attributes.first?["name"], nasty
            .replacingOccurrences(of: "\u{1}", with: "\u{FFFD}")
            .replacingOccurrences(of: "\u{B}", with: "\u{FFFD}")
            .replacingOccurrences(of: "\u{FFFF}", with: "\u{FFFD}"))
    }
}

/// Records element names and attributes while parsing.
private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [[String: String]] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(elementName)
        attributes.append(attributeDict)
    }
}
