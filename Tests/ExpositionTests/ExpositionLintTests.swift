import XCTest
@testable import Exposition

/// Every lint with one input that triggers it and one that does not.
final class ExpositionLintTests: XCTestCase {
    private func codes(_ text: String, _ lint: some MetricsLint) -> [String] {
        MetricsLinter(lints: [lint]).lint(text: text, file: "m.prom").map(\.code)
    }

    private func assertLint(_ lint: some MetricsLint, triggers bad: String, notOn good: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(codes(bad, lint), [lint.code], "should trigger on \(bad.debugDescription)", file: file, line: line)
        XCTAssertEqual(codes(good, lint), [], "should not trigger on \(good.debugDescription)", file: file, line: line)
    }

    func testMissingHelp() {
        assertLint(MissingHelpLint(), triggers: "# TYPE a_total counter\na_total 1\n",
                   notOn: "# HELP a_total Things.\n# TYPE a_total counter\na_total 1\n")
    }

    func testCounterSuffix() {
        assertLint(CounterSuffixLint(), triggers: "# TYPE requests counter\nrequests 3\n",
                   notOn: "# TYPE requests_total counter\nrequests_total 3\n")
        XCTAssertEqual(codes("# TYPE requests counter\nrequests_total 3\n# EOF\n", CounterSuffixLint()), [],
                       "OpenMetrics counters always expose _total")
    }

    func testTotalOnNonCounter() {
        assertLint(TotalOnNonCounterLint(), triggers: "# TYPE queue_total gauge\nqueue_total 3\n",
                   notOn: "# TYPE queue gauge\nqueue 3\n")
    }

    func testNonBaseUnit() {
        assertLint(NonBaseUnitLint(), triggers: "request_duration_milliseconds 3\n",
                   notOn: "request_duration_seconds 3\n")
        XCTAssertEqual(codes("payload_kilobytes 1\n", NonBaseUnitLint()), ["metrics-lint/non-base-unit"])
    }

    func testAbbreviatedUnit() {
        assertLint(AbbreviatedUnitLint(), triggers: "request_latency_ms 3\n", notOn: "request_latency_seconds 3\n")
    }

    func testCamelCase() {
        assertLint(CamelCaseLint(), triggers: "httpRequests 1\n", notOn: "http_requests 1\n")
        XCTAssertEqual(codes("http_requests{statusCode=\"200\"} 1\n", CamelCaseLint()), ["metrics-lint/camel-case"])
        XCTAssertEqual(codes("HTTP_REQUESTS 1\n", CamelCaseLint()), [], "upper snake case is not camel case")
    }

    func testColonInName() {
        assertLint(ColonInNameLint(), triggers: "job:requests:rate5m 1\n", notOn: "requests 1\n")
    }

    func testTypeInName() {
        assertLint(TypeInNameLint(), triggers: "# TYPE requests_counter counter\nrequests_counter 1\n",
                   notOn: "# TYPE requests_total counter\nrequests_total 1\n")
    }

    func testReservedSuffix() {
        assertLint(ReservedSuffixLint(), triggers: "# TYPE queue_sum gauge\nqueue_sum 1\n",
                   notOn: "# TYPE l histogram\nl_bucket{le=\"+Inf\"} 1\nl_sum 1\nl_count 1\n")
        XCTAssertEqual(codes("# TYPE g gauge\ng{le=\"1\"} 1\n", ReservedSuffixLint()), ["metrics-lint/reserved-suffix"])
    }

    func testHistogramBuckets() {
        assertLint(HistogramBucketsLint(),
                   triggers: "# TYPE l histogram\nl_bucket{le=\"0.5\"} 1\nl_sum 1\nl_count 1\n",
                   notOn: "# TYPE l histogram\nl_bucket{le=\"0.5\"} 1\nl_bucket{le=\"+Inf\"} 1\nl_sum 1\nl_count 1\n")
        let noLe = MetricsLinter(lints: [HistogramBucketsLint()]).lint(text: "# TYPE l histogram\nl_bucket 1\n", file: "f")
        XCTAssertEqual(noLe.first?.location?.line, 2)
        XCTAssertTrue(noLe.first?.message.contains("without \"le\"") ?? false)
    }

    func testLabelCardinality() {
        let many = (0..<150).map { "r{user=\"u\($0)\"} 1" }.joined(separator: "\n") + "\n"
        let few = (0..<5).map { "r{code=\"\($0)\"} 1" }.joined(separator: "\n") + "\n"
        assertLint(LabelCardinalityLint(), triggers: many, notOn: few)
    }

    func testLinterReportsParseErrorsAndPositions() {
        let findings = lint(text: "# TYPE a counter\na 1\nbad{ 2\n", file: "m.prom")
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?.severity, .error)
        XCTAssertEqual(findings.first?.location?.line, 3)
        let clean = lint(text: "# HELP up Whether the target is up.\n# TYPE up gauge\nup 1\n", file: "m.prom")
        XCTAssertEqual(clean, [])
        let warnings = lint(text: "\n\n# TYPE x_milliseconds gauge\nx_milliseconds 1\n", file: "m.prom")
        XCTAssertEqual(warnings.map(\.code).sorted(), ["metrics-lint/no-help", "metrics-lint/non-base-unit"])
        XCTAssertEqual(warnings.first?.location?.description, "m.prom:3:1")
    }

    func testLintCodesAreUniqueAndDocumented() {
        let lints = MetricsLinter.allLints
        XCTAssertEqual(Set(lints.map(\.code)).count, lints.count)
        for l in lints {
            XCTAssertTrue(l.code.hasPrefix("metrics-lint/"))
            XCTAssertFalse(l.summary.isEmpty)
        }
    }

    func testCounterTypedWithoutTotalIsOneFinding() {
        let text = "# HELP foo Foos.\n# TYPE foo counter\nfoo_total 1\n"
        let found = MetricsLinter().lint(text: text, file: "m.prom")
        let codes = found.map(\.code)
        XCTAssertEqual(codes.filter { $0 == CounterTypedWithoutTotal.code }.count, 1)
        XCTAssertFalse(codes.contains("metrics-lint/counter-total-suffix"), "\(codes)")
        XCTAssertFalse(codes.contains("metrics-lint/total-on-non-counter"), "\(codes)")
        let pair = found.first { $0.code == CounterTypedWithoutTotal.code }
        XCTAssertEqual(pair?.location?.line, 1)
        XCTAssertTrue(pair?.message.contains("# TYPE foo_total counter") ?? false)
        XCTAssertEqual(MetricsLinter().lint(text: "# HELP foo_total Foos.\n# TYPE foo_total counter\nfoo_total 1\n",
                                            file: "m.prom").map(\.code), [])
    }
}
