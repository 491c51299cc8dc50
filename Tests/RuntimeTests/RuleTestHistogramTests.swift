import Foundation
import XCTest
import PromModel
@testable import Runtime

/// Native histograms in rule unit tests (Fixtures/ruletests/histograms): input series in the
/// `{{…}}` notation with `{{…}}+{{…}}xN` expansion, `histogram:` in `exp_samples`, recording rules that
/// record histograms, and the comparison promtool makes (both sides compacted, then compared as text).
final class RuleTestHistogramTests: XCTestCase {
    private func fixture(_ name: String) -> String {
        RuleTestFixtureTests.fixtures.appendingPathComponent("histograms/" + name).path
    }

    func testNativeHistogramFixturePasses() {
        let result = RuleTestRunner().run(path: fixture("01_native_histograms_pass.yml"))
        XCTAssertTrue(result.passed, result.failures.joined(separator: "\n"))
        XCTAssertEqual(result.groups.map(\.checks), [11, 3])
    }

    /// A test written as promtool documents it: histogram input series, a recording rule that records a
    /// histogram (whose `increase` result is a gauge histogram, so the expected text says so), and an
    /// alert on `histogram_quantile` of the rate.
    func testPromtoolStyleFixturePasses() {
        let result = RuleTestRunner().run(path: fixture("04_promtool_style_pass.yml"))
        XCTAssertTrue(result.passed, result.failures.joined(separator: "\n"))
    }

    func testAWrongHistogramFailsWithBothSidesInTheNotation() throws {
        let result = RuleTestRunner().run(path: fixture("02_native_histogram_mismatch_fail.yml"))
        XCTAssertFalse(result.passed)
        let text = try XCTUnwrap(result.failures.first)
        XCTAssertTrue(text.contains("exp: {__name__=\"queue_wait_seconds\", job=\"edge\"} {{count:3 sum:2 buckets:[2 1]}}"), text)
        XCTAssertTrue(text.contains("got: {__name__=\"queue_wait_seconds\", job=\"edge\"} {{count:3 sum:2 buckets:[1 2]}}"), text)
    }

    func testAFloatExpectedWhereAHistogramComesOutFails() {
        let result = RuleTestRunner().run(path: fixture("03_histogram_expected_float_fail.yml"))
        XCTAssertFalse(result.passed)
        XCTAssertEqual(result.failures.count, 1)
    }

    func testComparisonTextCompactsAndFollowsGoOrder() throws {
        let h = try RuleTestHistogramExpression.parse("{{buckets:[0 1 0 2 0] offset:-1 sum:2.5 count:3 counter_reset_hint:gauge}}")
        XCTAssertEqual(RuleTestHistogramExpression.text(h), "{{count:3 sum:2.5 counter_reset_hint:gauge buckets:[1 0 2]}}")
        XCTAssertEqual(RuleTestHistogramExpression.text(FloatHistogram()), "{{}}")
        let big = FloatHistogram(count: 1e6, sum: 1.5e-7, positive: [HistogramBucket(index: 0, count: 1e6)])
        XCTAssertEqual(RuleTestHistogramExpression.text(big), "{{count:1e+06 sum:1.5e-07 buckets:[1e+06]}}")
        XCTAssertThrowsError(try RuleTestHistogramExpression.parse("1 2"))
        XCTAssertThrowsError(try RuleTestHistogramExpression.parse("{{sum:1}} {{sum:2}}"))
        XCTAssertThrowsError(try RuleTestHistogramExpression.parse("{{sum:"))
    }

    func testABadExpectedHistogramIsAnErrorOfTheTestCase() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("labctl-rt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.yml")
        try """
        tests:
          - interval: 1m
            input_series:
              - series: h
                values: '{{sum:1 count:1 buckets:[1]}}'
            promql_expr_test:
              - expr: h
                eval_time: 0m
                exp_samples:
                  - labels: h
                    histogram: '{{sum:1 count:'
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = RuleTestRunner().run(path: file.path)
        XCTAssertFalse(result.passed)
        XCTAssertTrue(result.failures.first?.contains("histogram") == true, result.failures.joined())
    }
}
