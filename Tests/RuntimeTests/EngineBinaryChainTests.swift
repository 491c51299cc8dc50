import XCTest
import PromModel
import Storage
import PromQL
@testable import Runtime

/// Long left-associative chains (`a + a + … + a`, thousands of terms) evaluate in a loop over their
/// left spine, with the right value, and so do the engine's other walks (duration checks, `@` pinning
/// of the PromQL test runner, info time modifiers, the parse_query tree).
final class EngineBinaryChainTests: EngineTestCase {
    override func setUpWithError() throws {
        engine = Engine(options: .standard)
        try load(["__name__": "req", "job": "a"], step: 60, [10, 11])
        try load(["__name__": "req", "job": "b"], step: 60, [4, 5])
        try load(["__name__": "lim", "job": "a"], step: 60, [20, 21])
        try load(["__name__": "one"], step: 60, [3, 3])
    }

    func chain(_ terms: Int, _ operand: String, _ op: String) -> String {
        Array(repeating: operand, count: terms).joined(separator: " " + op + " ")
    }

    func testLongSumChainsEvaluate() throws {
        XCTAssertEqual(try vector(chain(5_000, "req", "+"), at: 0), ["{job=\"a\"}": 50_000, "{job=\"b\"}": 20_000])
        XCTAssertEqual(try vector(chain(20_000, "one", "+"), at: 60), ["{}": 60_000])
        XCTAssertEqual(try scalar(chain(20_000, "1", "+"), at: 0), 20_000)
        XCTAssertEqual(try scalar("(" + chain(1_000, "2", "*") + ") / (" + chain(999, "2", "*") + ")", at: 0), 2)
    }

    func testLongSetOperationChainsEvaluate() throws {
        XCTAssertEqual(try vector(chain(5_000, "req", "and"), at: 0),
                       ["req{job=\"a\"}": 10, "req{job=\"b\"}": 4])
        // `or` matches on every label but the name: `lim{job="a"}` is hidden by `req{job="a"}`.
        XCTAssertEqual(try vector(chain(20_000, "req{job=\"a\"} or lim", "or") + " or req", at: 0),
                       ["req{job=\"a\"}": 10, "req{job=\"b\"}": 4])
        XCTAssertEqual(try vector(chain(5_000, "req unless on (job) lim", "or"), at: 60), ["req{job=\"b\"}": 5])
    }

    func testMixedPrecedenceChainEvaluates() throws {
        // 2,500 times `one * 2 - one` and `+ one / 3` interleaved: each pair adds 3 * 2 - 3 + 1 = 4.
        let text = Array(repeating: "one * 2 - one + one / 3", count: 2_500).joined(separator: " + ")
        XCTAssertEqual(try vector(text, at: 0), ["{}": 10_000])
        XCTAssertEqual(try vector(chain(5_000, "sum_over_time(one[2m])", "+") + " > bool 0", at: 60), ["{}": 1])
    }

    func testRangeQueryOverALongChain() throws {
        let result = try engine.rangeQuery(try parse(chain(5_000, "req{job=\"b\"}", "+")), start: 0, end: 60_000,
                                           step: 60_000, querier: storage)
        guard case .matrix(let series) = result.value else { return XCTFail("expected a matrix") }
        XCTAssertEqual(series.map { $0.points.map(\.f) }, [[20_000, 25_000]])
    }

    func testEngineWalksHandleLongChains() throws {
        let expr = try parse(chain(5_000, "1", "+") + " + req offset 1m")
        let pinned = PromQLTestQueryAnalysis.pinned(expr, at: 5_000)
        XCTAssertTrue(pinned.description.hasSuffix("req @ 5.000 offset 1m"))
        XCTAssertEqual(PromQLTestQueryAnalysis.selectors(pinned).count, 1)
        XCTAssertEqual(PromQLTestQueryAnalysis.functionNames(expr), [])
        let modifiers = try XCTUnwrap(InfoSelection.timeModifiers(expr))
        XCTAssertEqual(modifiers.count, 1)
        XCTAssertEqual(modifiers.first?.offset?.constantMilliseconds, 60_000)
        assertFails(chain(5_000, "rate(req[5m])", "+") + " + rate(req[1m - 2m])", at: 60,
                    containing: "duration must be greater than 0")
        let json = ParseQueryJSON.node(try parse(chain(5_000, "req", "-")))
        XCTAssertEqual(json.components(separatedBy: "\"type\":\"binaryExpr\"").count - 1, 4_999)
        XCTAssertTrue(json.hasPrefix("{\"bool\":false,\"lhs\":{\"bool\":false,\"lhs\":"))
        let pair = ParseQueryJSON.node(try parse("req - req"))
        let rhs = try XCTUnwrap(pair.range(of: ",\"matching\":"))
        XCTAssertTrue(json.hasSuffix(String(pair[rhs.lowerBound...])), String(json.suffix(300)))
        XCTAssertTrue(pair.hasPrefix("{\"bool\":false,\"lhs\":{\"matchers\":"), pair)
    }
}
