import XCTest
import PromModel
@testable import Exposition

final class ExpositionParserTests: XCTestCase {
    private func text(_ s: String) throws -> [MetricFamily] {
        try ExpositionParser(format: .prometheusText, file: "t.prom").parse(s)
    }

    private func om(_ s: String) throws -> [MetricFamily] {
        try ExpositionParser(format: .openMetrics, file: "t.om").parse(s)
    }

    // MARK: - Text format

    func testTextFormatFamilies() throws {
        let families = try text("""
            # HELP http_requests_total The total number of HTTP requests.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3 1395066363000

            # A normal comment.
            msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9
            metric_without_timestamp_and_labels 12.47
            # TYPE rpc_duration_seconds summary
            rpc_duration_seconds{quantile="0.5"} 4773
            rpc_duration_seconds_sum 1.7560473e+07
            rpc_duration_seconds_count 2693
            # TYPE latency histogram
            latency_bucket{le="0.1"} 1
            latency_bucket{le="+Inf"} 2
            latency_sum 0.3
            latency_count 2
            odd{a="1",} NaN
            neg -Inf -12

            """)
        XCTAssertEqual(families.map(\.name), ["http_requests_total", "msdos_file_access_time_seconds",
                                              "metric_without_timestamp_and_labels", "rpc_duration_seconds",
                                              "latency", "odd", "neg"])
        let counter = families[0]
        XCTAssertEqual(counter.type, .counter)
        XCTAssertEqual(counter.help, "The total number of HTTP requests.")
        XCTAssertEqual(counter.samples.count, 2)
        XCTAssertEqual(counter.samples[1].value, 3)
        XCTAssertEqual(counter.samples[1].timestamp, 1_395_066_363_000)
        XCTAssertEqual(counter.samples[1].labels, ["method": "post", "code": "400"])
        XCTAssertEqual(counter.samples[1].line, 4)
        XCTAssertEqual(families[1].samples[0].labels["path"], "C:\\DIR\\FILE.TXT")
        XCTAssertEqual(families[1].samples[0].labels["error"], "Cannot find file:\n\"FILE.TXT\"")
        XCTAssertEqual(families[1].samples[0].value, 1.458255915e9)
        XCTAssertEqual(families[1].type, .unknown)
        XCTAssertEqual(families[3].samples.map(\.name), ["rpc_duration_seconds", "rpc_duration_seconds_sum",
                                                         "rpc_duration_seconds_count"])
        XCTAssertEqual(families[4].samples.count, 4)
        XCTAssertTrue(families[5].samples[0].value.isNaN)
        XCTAssertEqual(families[6].samples[0].value, -.infinity)
        XCTAssertEqual(families[6].samples[0].timestamp, -12)
    }

    func testTextFormatLeniencies() throws {
        let families = try text("  spaced\t{ a = \"1\" , b=\"2\" }\t5  \r\n#TYPE x gauge\nx 1")
        XCTAssertEqual(families[0].samples[0].labels, ["a": "1", "b": "2"])
        XCTAssertEqual(families[1].type, .gauge)
        XCTAssertEqual(try text("a nan\nb +Infinity\nc 1E3\nd .5\ne 5.").map { $0.samples[0].value }.dropFirst(),
                       [.infinity, 1000, 0.5, 5])
        XCTAssertEqual(try text("").count, 0)
        XCTAssertEqual(try text("# only a comment\n").count, 0)
    }

    func testHelpEscapesAndEmptyHelp() throws {
        let families = try text("# HELP a Line one\\nback\\\\slash \"quoted\"\n# HELP b\nb 1\n")
        XCTAssertEqual(families[0].help, "Line one\nback\\slash \"quoted\"")
        XCTAssertEqual(families[1].help, "")
    }

    // MARK: - OpenMetrics

    func testOpenMetricsFamilies() throws {
        let families = try om("""
            # TYPE acme_http_router_request_seconds histogram
            # UNIT acme_http_router_request_seconds seconds
            # HELP acme_http_router_request_seconds Latency though all of ACME's HTTP request router.
            acme_http_router_request_seconds_bucket{path="/api/v1",method="GET",le="0.1"} 94355 # {trace_id="KOO5S4vxi0o"} 0.067 1520879607.789
            acme_http_router_request_seconds_bucket{path="/api/v1",method="GET",le="+Inf"} 105132
            acme_http_router_request_seconds_sum{path="/api/v1",method="GET"} 9036.32
            acme_http_router_request_seconds_count{path="/api/v1",method="GET"} 105132
            acme_http_router_request_seconds_created{path="/api/v1",method="GET"} 1605281325.0
            # TYPE foo counter
            foo_total 17.0 1520879607.789 # {id="x"} 1
            foo_created 1520430000.123
            # TYPE build info
            build_info{version="1.0"} 1
            # TYPE state stateset
            state{state="up"} 1
            state{state="down"} 0
            # TYPE g gaugehistogram
            g_bucket{le="+Inf"} 3
            g_gcount 3
            g_gsum 4
            # TYPE s summary
            s{quantile="0.9"} 1
            s_count 1
            s_sum 1
            plain 1
            # EOF

            """)
        XCTAssertEqual(families.map(\.type), [.histogram, .counter, .info, .stateSet, .gaugeHistogram, .summary, .unknown])
        let h = families[0]
        XCTAssertEqual(h.unit, "seconds")
        XCTAssertEqual(h.samples.count, 5)
        XCTAssertEqual(h.samples[0].exemplar, Exemplar(labels: ["trace_id": "KOO5S4vxi0o"], value: 0.067,
                                                       timestamp: 1_520_879_607_789))
        XCTAssertEqual(h.samples[4].value, 1_605_281_325)
        XCTAssertEqual(families[1].samples[0].timestamp, 1_520_879_607_789)
        XCTAssertEqual(families[1].samples[0].exemplar?.timestamp, nil)
        XCTAssertEqual(families[1].samples[1].name, "foo_created")
    }

    func testOpenMetricsRepeatedSeriesWithIncreasingTimestamps() throws {
        let families = try om("a_total 1 1\n# EOF")
        XCTAssertEqual(families[0].name, "a_total")
        let backfill = try om("# TYPE c counter\nc_total{x=\"1\"} 1 10\nc_total{x=\"1\"} 2 20\nc_total{x=\"2\"} 1 10\n# EOF\n")
        XCTAssertEqual(backfill[0].samples.map(\.timestamp), [10_000, 20_000, 10_000])
    }

    func testFormatDetection() {
        XCTAssertEqual(ExpositionFormat.detect("a 1\n# EOF\n"), .openMetrics)
        XCTAssertEqual(ExpositionFormat.detect("a 1\n"), .prometheusText)
        XCTAssertEqual(ExpositionFormat.detect("# UNIT a_seconds seconds\na_seconds 1\n"), .openMetrics)
    }

    func testColumnsCountCharactersNotBytes() {
        XCTAssertThrowsError(try text("a{x=\"ñandú\",x=\"b\"} 1")) { error in
            let e = error as? ExpositionError
            XCTAssertEqual(e?.code, "exposition/duplicate-label")
            XCTAssertEqual(e?.location.column, 13)
        }
    }

    func testLimits() {
        let parser = ExpositionParser(format: .prometheusText, file: "x",
                                      limits: ExpositionLimits(maxBytes: 1000, maxLineLength: 100,
                                                               maxLabelsPerSample: 3, maxSamples: 2))
        let huge = "a{" + (0..<10).map { "l\($0)=\"v\"" }.joined(separator: ",") + "} 1"
        XCTAssertThrowsError(try parser.parse(huge)) { XCTAssertEqual(($0 as? ExpositionError)?.code, "exposition/limit-exceeded") }
        XCTAssertThrowsError(try parser.parse("a " + String(repeating: "1", count: 200))) {
            XCTAssertEqual(($0 as? ExpositionError)?.code, "exposition/limit-exceeded")
        }
        XCTAssertThrowsError(try parser.parse("a 1\nb 1\nc 1")) {
            XCTAssertEqual(($0 as? ExpositionError)?.location.line, 3)
        }
        XCTAssertThrowsError(try parser.parse(String(repeating: "#\n", count: 600)))
    }

    func testHugeLabelSetWithinLimits() throws {
        let labels = (0..<200).map { "label_\($0)=\"\(String(repeating: "v", count: 100))\"" }.joined(separator: ",")
        let families = try text("big{\(labels)} 1\n")
        XCTAssertEqual(families[0].samples[0].labels.count, 200)
    }
}
