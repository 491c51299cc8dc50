import XCTest
import PromModel
import Storage
@testable import Runtime

final class EngineAggregationTests: EngineTestCase {
    override func setUpWithError() throws {
        for (i, v) in [1.0, 2, 3, 4, 10, 20].enumerated() {
            try load(["__name__": "x", "job": i < 4 ? "a" : "b", "i": "\(i)"], step: 60, [v])
        }
    }

    func testBasicAggregations() throws {
        XCTAssertEqual(try vector("sum by (job) (x)", at: 0), ["{job=\"a\"}": 10, "{job=\"b\"}": 30])
        XCTAssertEqual(try vector("avg without (i) (x)", at: 0), ["{job=\"a\"}": 2.5, "{job=\"b\"}": 15])
        XCTAssertEqual(try vector("count(x)", at: 0), ["{}": 6])
        XCTAssertEqual(try vector("min(x)", at: 0), ["{}": 1])
        XCTAssertEqual(try vector("max by (job) (x)", at: 0), ["{job=\"a\"}": 4, "{job=\"b\"}": 20])
        XCTAssertEqual(try vector("group by (job) (x)", at: 0), ["{job=\"a\"}": 1, "{job=\"b\"}": 1])
        XCTAssertEqual(try vector("stdvar by (job) (x)", at: 0), ["{job=\"a\"}": 1.25, "{job=\"b\"}": 25])
        XCTAssertEqual(try vector("quantile by (job) (0.5, x)", at: 0), ["{job=\"a\"}": 2.5, "{job=\"b\"}": 15])
    }

    func testTopkKeepsLabelsAndOrders() throws {
        let r = try instant("topk(2, x)", at: 0)
        guard case .vector(let v) = r.value else { return XCTFail("expected vector") }
        XCTAssertEqual(v.map(\.f), [20, 10])
        XCTAssertEqual(v.first?.metric["__name__"], "x")
        let b = try instant("bottomk by (job) (1, x)", at: 0)
        guard case .vector(let bv) = b.value else { return XCTFail("expected vector") }
        XCTAssertEqual(bv.map(\.f), [1, 10])
    }

    func testCountValuesAndNaNParameter() throws {
        XCTAssertEqual(try vector("count_values(\"v\", x > 3)", at: 0), ["{v=\"4\"}": 1, "{v=\"10\"}": 1, "{v=\"20\"}": 1])
        assertFails("topk(NaN, x)", at: 0, containing: "Parameter value is NaN")
    }

    func testQuantileWarnsOutOfRange() throws {
        let q = "quantile(2, x)"
        let r = try instant(q, at: 0)
        XCTAssertEqual(r.annotations.map { $0.rendered(query: q) },
                       ["PromQL warning: quantile value should be between 0 and 1, got 2 (1:10)"])
    }

    func testSumUsesCompensatedSummation() throws {
        storage = MemoryStorage()
        for (i, v) in [1e100, 1.0, -1e100, 1.0].enumerated() {
            try load(["__name__": "k", "i": "\(i)"], step: 60, [v])
        }
        XCTAssertEqual(try vector("sum(k)", at: 0), ["{}": 2])
    }
}
