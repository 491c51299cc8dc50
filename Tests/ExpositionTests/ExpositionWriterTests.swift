import XCTest
import PromModel
@testable import Exposition

final class ExpositionWriterTests: XCTestCase {
    private let sampleOM = """
        # HELP req Requests "served"\\nby path.
        # TYPE req counter
        req_total{path="/a\\"b\\\\c\\nd"} 17 1520879607.789 # {trace_id="x"} 1.5 1520879607.7
        req_created{path="/a\\"b\\\\c\\nd"} 1520430000
        # TYPE lat_seconds histogram
        # UNIT lat_seconds seconds
        lat_seconds_bucket{le="0.5"} 3
        lat_seconds_bucket{le="+Inf"} 4
        lat_seconds_sum 1.25e-07
        lat_seconds_count 4
        # TYPE odd gauge
        odd NaN
        odd{x="1"} -Inf
        odd{x="2"} 1e+300
        odd{x="3"} -0 -1.5
        # EOF

        """

    func testOpenMetricsRoundTrip() throws {
        let parser = ExpositionParser(format: .openMetrics)
        let families = try parser.parse(sampleOM)
        let written = ExpositionWriter(format: .openMetrics).write(families)
        let reparsed = try parser.parse(written)
        XCTAssertEqual(reparsed, families)
        XCTAssertEqual(ExpositionWriter(format: .openMetrics).write(reparsed), written, "writing is stable")
        XCTAssertTrue(written.hasSuffix("# EOF\n"))
        XCTAssertTrue(written.contains("req_total{path=\"/a\\\"b\\\\c\\nd\"} 17 1520879607.789 # {trace_id=\"x\"} 1.5 1520879607.7\n"))
        XCTAssertTrue(written.contains("# HELP req Requests \\\"served\\\"\\nby path.\n"))
    }

    func testTextRoundTrip() throws {
        let input = """
            # HELP http_requests_total Total \\\\ requests\\nsecond line.
            # TYPE http_requests_total counter
            http_requests_total{code="200",method="get"} 1027 1395066363000
            http_requests_total{code="500",method="get"} 3
            # TYPE summary_seconds summary
            summary_seconds{quantile="0.5"} 0.25
            summary_seconds_sum 12.5
            summary_seconds_count 50
            # TYPE free untyped
            free{a="x\\ny"} 0.1

            """
        let parser = ExpositionParser(format: .prometheusText)
        let families = try parser.parse(input)
        let written = ExpositionWriter(format: .prometheusText).write(families)
        XCTAssertEqual(written, input)
        XCTAssertEqual(try parser.parse(written), families)
    }

    /// Label values go through `Labels.escapeValue`: `\\`, `"` and every newline, also the one of a
    /// `\r\n` pair (a Character comparison saw `\r\n` as one grapheme and left the value unescaped).
    func testLabelValuesAreEscapedInBothFormats() throws {
        let values = ["a\\b", "say \"hi\"", "one\ntwo", "crlf\r\nend", "\r\n", "é\"\\\n"]
        for format in [ExpositionFormat.prometheusText, .openMetrics] {
            for value in values {
                let family = MetricFamily(name: "m", type: .gauge, samples: [
                    MetricSample(name: "m", labels: ["v": value], value: 1),
                ])
                let written = ExpositionWriter(format: format).write([family])
                XCTAssertTrue(written.contains("m{v=\"" + Labels.escapeValue(value) + "\"} 1\n"), written)
                XCTAssertEqual(written.utf8.split(separator: UInt8(ascii: "\n")).count, format == .openMetrics ? 3 : 2,
                               "no raw newline inside the sample line: \(written.debugDescription)")
                XCTAssertEqual(try ExpositionParser(format: format).parse(written).first?.samples.first?.labels["v"],
                               value, format == .openMetrics ? "OpenMetrics" : "text")
            }
        }
        XCTAssertEqual(Labels.escapeValue("crlf\r\nend"), "crlf\r\\nend")
    }

    func testOpenMetricsToTextDropsWhatTextLacks() throws {
        let families = try ExpositionParser(format: .openMetrics).parse(sampleOM)
        let text = ExpositionWriter(format: .prometheusText).write(families)
        XCTAssertFalse(text.contains("# EOF"))
        XCTAssertFalse(text.contains("trace_id"))
        XCTAssertFalse(text.contains("# UNIT"))
        XCTAssertTrue(text.contains("req_total{path=\"/a\\\"b\\\\c\\nd\"} 17 1520879607789\n"))
    }

    func testNumberFormatting() {
        XCTAssertEqual(ExpositionNumber.format(1), "1")
        XCTAssertEqual(ExpositionNumber.format(0.1), "0.1")
        XCTAssertEqual(ExpositionNumber.format(-0.0), "-0")
        // Prometheus's staleness marker (a NaN with bits 0x7ff0000000000002) prints as any NaN.
        XCTAssertEqual(ExpositionNumber.format(Double(bitPattern: 0x7ff0_0000_0000_0002)), "NaN")
        XCTAssertEqual(ExpositionNumber.formatSeconds(1_500), "1.5")
        XCTAssertEqual(ExpositionNumber.formatSeconds(-1_005), "-1.005")
        XCTAssertEqual(ExpositionNumber.formatSeconds(7_000), "7")
        for v in [1e-7, 123456789012345678.0, .pi, -2.5e-300, 1e15, 999999999999999] {
            XCTAssertEqual(ExpositionNumber.parseValue(ExpositionNumber.format(v), format: .openMetrics), v)
        }
    }

    func testRandomFamiliesRoundTrip() throws {
        var rng = SystemRandomNumberGenerator()
        for format in ExpositionFormat.allCases {
            var families: [MetricFamily] = []
            for f in 0..<20 {
                var samples: [MetricSample] = []
                for s in 0..<Int.random(in: 1...5, using: &rng) {
                    let value = Bool.random(using: &rng) ? Double(Int.random(in: -1000...1000, using: &rng))
                        : Double.random(in: -1e6...1e6, using: &rng)
                    let scalars = "ab\"\\\n ñ€{}=,#".unicodeScalars.map { String($0) }
                    let labelValue = (0..<Int.random(in: 0...6, using: &rng)).map { _ in scalars.randomElement(using: &rng) ?? "" }.joined()
                    samples.append(MetricSample(name: "fam_\(f)", labels: ["id": "\(s)", "v": labelValue],
                                                value: value, timestamp: Bool.random(using: &rng) ? Int64.random(in: -1_000_000_000...1_000_000_000_000, using: &rng) : nil))
                }
                families.append(MetricFamily(name: "fam_\(f)", type: .gauge, help: "help \(f) \\ \" \n", samples: samples))
            }
            let written = ExpositionWriter(format: format).write(families)
            XCTAssertEqual(try ExpositionParser(format: format).parse(written), families, "\(format)")
        }
    }
}
