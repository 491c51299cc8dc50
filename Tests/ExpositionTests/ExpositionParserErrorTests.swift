import XCTest
@testable import Exposition

/// Malformed expositions: each must fail with a stable code at an exact line and column.
final class ExpositionParserErrorTests: XCTestCase {
    private struct Case {
        let format: ExpositionFormat
        let input: String
        let code: String
        let line: Int
        let column: Int
    }

    private static func t(_ input: String, _ code: String, _ line: Int, _ column: Int) -> Case {
        Case(format: .prometheusText, input: input, code: code, line: line, column: column)
    }

    private static func o(_ input: String, _ code: String, _ line: Int, _ column: Int) -> Case {
        Case(format: .openMetrics, input: input, code: code, line: line, column: column)
    }

    private static let longExemplar = String(repeating: "v", count: 130)

    private static let cases: [Case] = [
        // MARK: Text format
        t("a{b=\"c} 1", "unterminated-string", 1, 5),
        t("a{b=\"\\x\"} 1", "invalid-escape", 1, 6),
        t("a{b=\"c\"} 1 2 3", "expected-token", 1, 14),
        t("1abc 2", "invalid-metric-name", 1, 1),
        t("a{1b=\"c\"} 1", "invalid-label-name", 1, 3),
        t("a{b=\"c\",b=\"d\"} 1", "duplicate-label", 1, 9),
        t("a 1.2.3", "invalid-value", 1, 3),
        t("a 1 99999999999999999999", "invalid-timestamp", 1, 5),
        t("a 1 1.5", "invalid-timestamp", 1, 5),
        t("# TYPE a countr", "invalid-type", 1, 10),
        t("# TYPE a counter\n# TYPE a gauge", "duplicate-metadata", 2, 8),
        t("# HELP a x\n# HELP a y", "duplicate-metadata", 2, 8),
        t("a 1\n# TYPE a gauge", "metadata-after-samples", 2, 8),
        t("a 1\nb 1\na 2", "interleaved-family", 3, 1),
        t("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nx 1\nh_sum 2", "interleaved-family", 4, 1),
        t("a{x=\"1\"} 1\na{x=\"1\"} 2", "duplicate-series", 2, 1),
        t("a{__name__=\"x\"} 1", "invalid-label-name", 1, 3),
        t("a{b=\"c\"}", "expected-token", 1, 9),
        t("a{b=\"c\" 1", "expected-token", 1, 9),
        t("a{\"b\"=\"c\"} 1", "invalid-label-name", 1, 3),
        t("a.b 1", "invalid-metric-name", 1, 2),
        t("# HELP a bad \\t escape", "invalid-escape", 1, 14),
        t("a 0x1F", "invalid-value", 1, 3),
        t("a 1_000", "invalid-value", 1, 3),
        t("# HELP", "expected-token", 1, 7),
        t("a{b=c} 1", "expected-token", 1, 5),
        t("# TYPE g gaugehistogram", "invalid-type", 1, 10),
        t("a{b=\"c\"} 1 # {x=\"y\"} 1", "invalid-timestamp", 1, 12),
        t("# TYPE h histogram\nh 1", "invalid-sample-name", 2, 1),
        // MARK: OpenMetrics
        o("a 1\n", "missing-eof", 1, 1),
        o("a 1\n# EOF\nb 1\n", "content-after-eof", 3, 1),
        o("a 1\n\n# EOF", "empty-line", 2, 1),
        o("# random comment\n# EOF", "invalid-comment", 1, 3),
        o("# TYPE a counter\na 1\n# EOF", "invalid-sample-name", 2, 1),
        o("# TYPE a untyped\n# EOF", "invalid-type", 1, 10),
        o("a  1\n# EOF", "invalid-whitespace", 1, 3),
        o("a{b=\"c\",} 1\n# EOF", "expected-token", 1, 9),
        o("a 1 # {x=\"y\"} 1\n# EOF", "invalid-exemplar", 1, 5),
        o("a -NaN\n# EOF", "invalid-value", 1, 3),
        o("a 1 NaN\n# EOF", "invalid-timestamp", 1, 5),
        o("a 1 1e300\n# EOF", "invalid-timestamp", 1, 5),
        o("# TYPE h histogram\nh_bucket 1\n# EOF", "missing-label", 2, 9),
        o("# TYPE x_seconds gauge\n# UNIT x_seconds bytes\n# EOF", "invalid-unit", 2, 18),
        o("a 1 2\na 1 1\n# EOF", "out-of-order-timestamp", 2, 1),
        o("a 1\na 2\n# EOF", "duplicate-series", 2, 1),
        o("# TYPE c counter\nc_total 1 # {x=\"\(longExemplar)\"} 1\n# EOF", "invalid-exemplar", 2, 11),
        o("# TYPE c counter\nc_total -1\n# EOF", "invalid-value", 2, 9),
        o(" a 1\n# EOF", "invalid-metric-name", 1, 1),
        o("a 1\r\n# EOF", "invalid-value", 1, 3),
        o("# TYPE s stateset\ns{s=\"a\"} 2\n# EOF", "invalid-value", 2, 10),
        o("# TYPE s summary\ns 2\n# EOF", "missing-label", 2, 2),
        o("# TYPE i info\ni_info 2\n# EOF", "invalid-value", 2, 8),
        o("# TYPE a gauge\n# HELP a x\na 1\n# TYPE b gauge\n# HELP a y\n# EOF", "interleaved-family", 5, 8),
    ]

    func testEveryMalformedInputFailsWithCodeAndPosition() {
        XCTAssertGreaterThanOrEqual(Self.cases.count, 30)
        for c in Self.cases {
            let parser = ExpositionParser(format: c.format, file: "in")
            do {
                let families = try parser.parse(c.input)
                XCTFail("\(c.format) \(c.input.debugDescription) parsed: \(families)")
            } catch let error as ExpositionError {
                let what = "\(c.format) \(c.input.debugDescription): \(error)"
                XCTAssertEqual(error.code, "exposition/" + c.code, what)
                XCTAssertEqual(error.location.line, c.line, what)
                XCTAssertEqual(error.location.column, c.column, what)
                XCTAssertEqual(error.location.file, "in")
                XCTAssertFalse(error.message.isEmpty)
            } catch {
                XCTFail("unexpected error type \(error)")
            }
        }
    }

    func testDiagnosticCarriesNotes() {
        XCTAssertThrowsError(try ExpositionParser(file: "f").parse("a 1\nb 1\na 2")) { error in
            let d = (error as? ExpositionError)?.diagnostic
            XCTAssertEqual(d?.severity, .error)
            XCTAssertEqual(d?.notes.first?.location?.line, 1)
            XCTAssertEqual(d?.description.hasPrefix("f:3:1: error: [exposition/interleaved-family]"), true)
        }
    }
}
