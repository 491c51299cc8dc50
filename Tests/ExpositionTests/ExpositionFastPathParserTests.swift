import XCTest
import PromModel
@testable import Exposition

/// Inputs that the parser's fast paths (numbers from bytes, labels shared with the previous line,
/// cached label order) must handle exactly as the general path does.
final class ExpositionFastPathParserTests: XCTestCase {
    private func text(_ s: String) throws -> [MetricFamily] {
        try ExpositionParser(format: .prometheusText, file: "t.prom").parse(s)
    }

    private func om(_ s: String) throws -> [MetricFamily] {
        try ExpositionParser(format: .openMetrics, file: "t.om").parse(s)
    }

    private func failure(_ format: ExpositionFormat, _ s: String) -> ExpositionError? {
        do {
            _ = try ExpositionParser(format: format, file: "f").parse(s)
            return nil
        } catch {
            return error as? ExpositionError
        }
    }

    // MARK: - Labels across lines

    func testUnsortedLabelsAreSortedOnEveryLineWithTheSameNames() throws {
        let families = try text("""
            a{z="1",m="2",b="3"} 1
            a{z="4",m="5",b="6"} 2
            a{z="4",m="",b="6"} 3
            a{z="4",m="5",b="6",c="7"} 4
            a{b="8",m="9",z="0"} 5

            """)
        let samples = try XCTUnwrap(families.first?.samples)
        XCTAssertEqual(samples.map { $0.labels.map(\.name) },
                       [["b", "m", "z"], ["b", "m", "z"], ["b", "z"], ["b", "c", "m", "z"], ["b", "m", "z"]])
        XCTAssertEqual(samples[1].labels, Labels(["z": "4", "m": "5", "b": "6"]))
        XCTAssertEqual(samples[2].labels, Labels(["z": "4", "b": "6"]))
        XCTAssertEqual(samples[4].labels, Labels(["z": "0", "m": "9", "b": "8"]))
    }

    func testRepeatedSeriesLinesShareLabelsAndStayCorrect() throws {
        let families = try om("""
            # TYPE load gauge
            load{instance="host-1:9100",job="node"} 1 100
            load{instance="host-1:9100",job="node"} 2 101
            load{job="node",instance="host-1:9100"} 3 102
            load{instance="host-2:9100",job="node"} 4 100
            # EOF
            """)
        let samples = try XCTUnwrap(families.first?.samples)
        XCTAssertEqual(samples.count, 4)
        XCTAssertEqual(Set(samples.prefix(3).map(\.labels)).count, 1)
        XCTAssertEqual(samples[3].labels["instance"], "host-2:9100")
        XCTAssertEqual(samples.map(\.timestamp), [100_000, 101_000, 102_000, 100_000])
    }

    func testDuplicateLabelAfterALineWithTheSameNamesIsFound() {
        let e = failure(.prometheusText, "a{x=\"1\",y=\"2\"} 1\na{x=\"1\",x=\"2\"} 2")
        XCTAssertEqual(e?.code, "exposition/duplicate-label")
        XCTAssertEqual(e?.location.line, 2)
        XCTAssertEqual(e?.location.column, 9)
        let first = failure(.openMetrics, "a{x=\"1\",y=\"2\"} 1\na{y=\"1\",x=\"2\",y=\"3\"} 2\n# EOF")
        XCTAssertEqual(first?.code, "exposition/duplicate-label")
        XCTAssertEqual(first?.location.column, 15)
    }

    func testDuplicateSeriesInAnotherLabelOrderIsFound() {
        let e = failure(.prometheusText, "a{x=\"1\",y=\"2\"} 1\na{y=\"2\",x=\"1\"} 2")
        XCTAssertEqual(e?.code, "exposition/duplicate-series")
        XCTAssertEqual(e?.location.line, 2)
        XCTAssertEqual(e?.location.column, 1)
    }

    // MARK: - Values, timestamps, escapes

    func testSpecialValuesAndBucketBounds() throws {
        let families = try om("""
            # TYPE h histogram
            h_bucket{le="0.25"} 1
            h_bucket{le="1e3"} 2
            h_bucket{le="+Inf"} 3
            h_count 3
            h_sum 1.5e-3
            # TYPE g gauge
            g{k="a"} NaN
            g{k="b"} +Inf
            g{k="c"} -Inf
            g{k="d"} -0.0
            g{k="e"} 1.7976931348623157e308
            # EOF
            """)
        XCTAssertEqual(families[0].samples.map { $0.labels["le"] }, ["0.25", "1e3", "+Inf", nil, nil])
        XCTAssertEqual(families[0].samples[4].value, 1.5e-3)
        let values = families[1].samples.map(\.value)
        XCTAssertTrue(values[0].isNaN)
        XCTAssertEqual(Array(values[1...2]), [.infinity, -.infinity])
        XCTAssertEqual(values[3].sign, .minus)
        XCTAssertEqual(values[4], .greatestFiniteMagnitude)
    }

    func testTimestampsAndExemplarsFromBytes() throws {
        let families = try om("""
            # TYPE c counter
            c_total{a="1"} 3 1520879607.789 # {trace_id="KOO5S4vxi0o"} 0.67 1520879602.5
            c_total{a="2"} 4 1520879607 # {trace_id="x"} 1e-2
            c_total{a="3"} 5 -1.5
            c_total{a="4"} 6 0.0005
            # EOF
            """)
        let s = families[0].samples
        XCTAssertEqual(s.map(\.timestamp), [1_520_879_607_789, 1_520_879_607_000, -1500, 1])
        XCTAssertEqual(s[0].exemplar, Exemplar(labels: Labels(["trace_id": "KOO5S4vxi0o"]), value: 0.67,
                                               timestamp: 1_520_879_602_500))
        XCTAssertEqual(s[1].exemplar?.value, 0.01)
        XCTAssertNil(s[1].exemplar?.timestamp)
    }

    func testBadNumbersKeepTheirPositions() {
        let cases: [(ExpositionFormat, String, String, Int, Int)] = [
            (.openMetrics, "a 1 1e99999\n# EOF", "invalid-timestamp", 1, 5),
            (.openMetrics, "a 1 1.2.3\n# EOF", "invalid-timestamp", 1, 5),
            (.openMetrics, "# TYPE c counter\nc_total 1 # {x=\"y\"} 1_0\n# EOF", "invalid-value", 2, 21),
            (.openMetrics, "# TYPE c counter\nc_total 1 # {x=\"y\"} 1 x\n# EOF", "invalid-timestamp", 2, 23),
            (.prometheusText, "a{b=\"é\"} 1e", "invalid-value", 1, 10),
            (.prometheusText, "a 1 -", "invalid-timestamp", 1, 5),
        ]
        for (format, input, code, line, column) in cases {
            let e = failure(format, input)
            XCTAssertEqual(e?.code, "exposition/" + code, input)
            XCTAssertEqual(e?.location.line, line, input)
            XCTAssertEqual(e?.location.column, column, input)
        }
    }

    func testEscapesAndCRLF() throws {
        let families = try text("a{p=\"C:\\\\x\",q=\"say \\\"hi\\\"\\n\"} 1\r\na{p=\"C:\\\\x\",q=\"plain\"} 2 17\r\n")
        let s = families[0].samples
        XCTAssertEqual(s[0].labels["p"], "C:\\x")
        XCTAssertEqual(s[0].labels["q"], "say \"hi\"\n")
        XCTAssertEqual(s[1].labels["p"], "C:\\x")
        XCTAssertEqual(s[1].timestamp, 17)
        XCTAssertEqual(failure(.openMetrics, "a 1\r\n# EOF")?.code, "exposition/invalid-value")
    }

    // MARK: - Format detection

    func testDetectLooksAtUnitLinesAndTheLastLine() {
        XCTAssertEqual(ExpositionFormat.detect("a 1\n# EOF\n\n"), .openMetrics)
        XCTAssertEqual(ExpositionFormat.detect("# UNIT a_seconds seconds\na_seconds 1\n"), .openMetrics)
        XCTAssertEqual(ExpositionFormat.detect("a 1 # UNIT x\n"), .prometheusText)
        XCTAssertEqual(ExpositionFormat.detect("a 1\n# EOF \n"), .prometheusText)
        XCTAssertEqual(ExpositionFormat.detect("# EOF\na 1\n"), .prometheusText)
        XCTAssertEqual(ExpositionFormat.detect(""), .prometheusText)
        XCTAssertEqual(ExpositionFormat.detect("# EOF"), .openMetrics)
        XCTAssertEqual(ExpositionFormat.detect("# UNIT"), .prometheusText)
    }
}
