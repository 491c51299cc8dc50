import Diagnostics
import PromQL
import XCTest
@testable import ConfigModel

/// The lints walk long binary chains (thousands of terms) without recursing once per term.
final class LongChainLintTests: XCTestCase {
    func testRuleLintsRunOnALongChain() throws {
        let expr = Array(repeating: "sum(rate(http_requests_total[5m]))", count: 5_000).joined(separator: " + ")
        let text = "groups:\n  - name: g\n    rules:\n      - record: job:http_requests:rate5m\n        expr: '\(expr)'\n"
        let result = RuleFile.parse(text, file: "r.yml")
        XCTAssertFalse(result.hasErrors, result.diagnostics.description)
        let file = try XCTUnwrap(result.value)
        let found = RuleLints.suite.run(RuleLintInput(file: file, scrapeInterval: .seconds(15)))
        XCTAssertEqual(found.filter { $0.code == RecordingRuleLevelLint.code }.count, 1,
                       "the outer aggregation is found down the chain")
        let call = try Parser().parseExpr(expr)
        XCTAssertEqual(call.calls(named: ["rate"]).count, 5_000)
        var counters: [VectorSelector] = []
        CounterWithoutRateLint.instantCounters(try Parser().parseExpr(
            Array(repeating: "x_total", count: 5_000).joined(separator: " + ")), exempt: false, into: &counters)
        XCTAssertEqual(counters.count, 5_000)
    }
}
