import PromModel
import Storage
import PromQL
import XCTest
@testable import Runtime

final class PromQLTestComparatorTests: XCTestCase {
    private func eval(_ text: String) throws -> PromQLTestEval {
        let script = try PromQLTestParser().parse(text, file: "t")
        guard let e = script.evals.first else { throw XCTSkip("no eval") }
        return e
    }

    func testAlmostEqual() {
        XCTAssertTrue(PromQLTestComparator.almostEqual(1, 1 + 1e-7))
        XCTAssertFalse(PromQLTestComparator.almostEqual(1, 1.00001))
        XCTAssertTrue(PromQLTestComparator.almostEqual(.nan, .nan))
        XCTAssertTrue(PromQLTestComparator.almostEqual(.infinity, .infinity))
        XCTAssertFalse(PromQLTestComparator.almostEqual(.infinity, -.infinity))
        XCTAssertFalse(PromQLTestComparator.almostEqual(0, 1e-300))
        XCTAssertTrue(PromQLTestComparator.almostEqual(0, 0))
        XCTAssertTrue(PromQLTestComparator.almostEqual(1e300, 1e300 * (1 + 1e-8)))
        XCTAssertTrue(PromQLTestComparator.sameValue(expected: StaleNaN.value, actual: StaleNaN.value))
        XCTAssertFalse(PromQLTestComparator.sameValue(expected: .nan, actual: StaleNaN.value))
        XCTAssertFalse(PromQLTestComparator.sameValue(expected: StaleNaN.value, actual: .nan))
    }

    func testVectorComparison() throws {
        let e = try eval("eval instant at 0 x\n  x{a=\"1\"} 1\n  x{a=\"2\"} NaN\n")
        let a1: Labels = ["__name__": "x", "a": "1"], a2: Labels = ["__name__": "x", "a": "2"]
        XCTAssertNil(PromQLTestComparator.compare(.vector([.init(metric: a2, t: 0, f: .nan), .init(metric: a1, t: 0, f: 1.0000001)]), with: e))
        XCTAssertNotNil(PromQLTestComparator.compare(.vector([.init(metric: a1, t: 0, f: 1)]), with: e), "missing series")
        XCTAssertNotNil(PromQLTestComparator.compare(.vector([.init(metric: a1, t: 0, f: 1), .init(metric: a2, t: 0, f: 2)]), with: e))
        let extra: Labels = ["__name__": "x", "a": "3"]
        let message = PromQLTestComparator.compare(.vector([.init(metric: a1, t: 0, f: 1), .init(metric: a2, t: 0, f: .nan),
                                                            .init(metric: extra, t: 0, f: 3)]), with: e)
        XCTAssertTrue(message?.contains("unexpected series") == true, "\(String(describing: message))")
        XCTAssertNotNil(PromQLTestComparator.compare(.vector([.init(metric: a1.droppingMetricName, t: 0, f: 1),
                                                              .init(metric: a2, t: 0, f: .nan)]), with: e), "labels must match exactly")
        XCTAssertNotNil(PromQLTestComparator.compare(.scalar(t: 0, f: 1), with: e))
    }

    func testOrderingOnlyWhenAsked() throws {
        let unordered = try eval("eval instant at 0 x\n  {a=\"1\"} 1\n  {a=\"2\"} 2\n")
        let ordered = try eval("eval instant at 0 x\n  expect ordered\n  {a=\"1\"} 1\n  {a=\"2\"} 2\n")
        let reversed: QueryValue = .vector([.init(metric: ["a": "2"], t: 0, f: 2), .init(metric: ["a": "1"], t: 0, f: 1)])
        XCTAssertNil(PromQLTestComparator.compare(reversed, with: unordered))
        XCTAssertTrue(PromQLTestComparator.compare(reversed, with: ordered)?.contains("position") == true)
    }

    func testStaleExpectations() throws {
        let e = try eval("eval range from 0 to 2m step 1m x\n  {} 1 stale _\n")
        XCTAssertNil(PromQLTestComparator.compare(.matrix([.init(metric: .empty, points: [.init(t: 0, f: 1), .init(t: 60_000, f: StaleNaN.value)])]), with: e))
        XCTAssertNotNil(PromQLTestComparator.compare(.matrix([.init(metric: .empty, points: [.init(t: 0, f: 1), .init(t: 60_000, f: .nan)])]), with: e))
    }

    func testMatrixComparison() throws {
        let e = try eval("eval range from 0 to 2m step 1m x\n  {a=\"1\"} 1 _ 3\n  {a=\"2\"} 1+1x2\n")
        let s1 = RangeSeries(metric: ["a": "1"], points: [.init(t: 0, f: 1), .init(t: 120_000, f: 3)])
        let s2 = RangeSeries(metric: ["a": "2"], points: [.init(t: 0, f: 1), .init(t: 60_000, f: 2), .init(t: 120_000, f: 3)])
        XCTAssertNil(PromQLTestComparator.compare(.matrix([s1, s2]), with: e))
        XCTAssertTrue(PromQLTestComparator.compare(.matrix([s2, s1]), with: e)?.contains("not sorted") == true)
        let shifted = RangeSeries(metric: ["a": "1"], points: [.init(t: 0, f: 1), .init(t: 60_000, f: 3)])
        XCTAssertTrue(PromQLTestComparator.compare(.matrix([shifted, s2]), with: e)?.contains("expected a point at 2m") == true)
        XCTAssertTrue(PromQLTestComparator.compare(.matrix([s1]), with: e)?.contains("not found") == true)
        XCTAssertNotNil(PromQLTestComparator.compare(.vector([]), with: e))
    }

    func testScalarsStringsAndEmpty() throws {
        XCTAssertNil(PromQLTestComparator.compare(.scalar(t: 0, f: 2.0000001), with: try eval("eval instant at 0 1+1\n  2\n")))
        XCTAssertNotNil(PromQLTestComparator.compare(.scalar(t: 0, f: 3), with: try eval("eval instant at 0 1+1\n  2\n")))
        let s = try eval("eval instant at 0 \"a\"\n  expect string \"a\"\n")
        XCTAssertNil(PromQLTestComparator.compare(.string(t: 0, s: "a"), with: s))
        XCTAssertNotNil(PromQLTestComparator.compare(.string(t: 0, s: "b"), with: s))
        let empty = try eval("eval instant at 0 x\n")
        XCTAssertNil(PromQLTestComparator.compare(.vector([]), with: empty))
        XCTAssertNotNil(PromQLTestComparator.compare(.vector([.init(metric: .empty, t: 0, f: 1)]), with: empty))
    }

    func testAnnotationsAndFailures() throws {
        let warn = Annotation(severity: .warning, message: "w1", span: SourceSpan(start: 4, end: 5))
        let info = Annotation(severity: .info, message: "i1", span: SourceSpan(start: 0, end: 1))
        let noChecks = try eval("eval instant at 0 rate(x[1m])\n")
        XCTAssertNil(PromQLTestComparator.checkAnnotations([warn, info], query: noChecks.exprText, with: noChecks))
        let exact = try eval("eval instant at 0 rate(x[1m])\n  expect warn msg: PromQL warning: w1 (1:5)\n  expect no_info\n")
        XCTAssertNil(PromQLTestComparator.checkAnnotations([warn], query: exact.exprText, with: exact))
        XCTAssertNotNil(PromQLTestComparator.checkAnnotations([warn, info], query: exact.exprText, with: exact), "no_info")
        XCTAssertNotNil(PromQLTestComparator.checkAnnotations([], query: exact.exprText, with: exact), "missing warning")
        let unmatched = Annotation(severity: .warning, message: "other", span: SourceSpan(start: 0, end: 1))
        XCTAssertNotNil(PromQLTestComparator.checkAnnotations([warn, unmatched], query: exact.exprText, with: exact), "every warning needs a line")
        let legacy = try eval("eval_info instant at 0 x\n")
        XCTAssertNotNil(PromQLTestComparator.checkAnnotations([], query: "x", with: legacy))
        XCTAssertNil(PromQLTestComparator.checkAnnotations([info], query: "x", with: legacy))
        let fail = try eval("eval instant at 0 x\n  expect fail msg: boom\n")
        XCTAssertNil(PromQLTestComparator.checkFailure("boom", with: fail))
        XCTAssertNotNil(PromQLTestComparator.checkFailure("boom!", with: fail))
        XCTAssertNotNil(PromQLTestComparator.checkFailure("boom", with: noChecks))
    }
}
