import ConfigModel
import XCTest

final class GrafanaQueryExpansionTests: XCTestCase {
    func testVariablesAndMacrosAreReplaced() {
        let e = GrafanaQueryExpansion(#"rate(x{job="$job",i=~"${instance:regex}"}[$__rate_interval]) * $__interval_ms"#)
        XCTAssertEqual(e.expanded, #"rate(x{job="job",i=~"instance"}[5m]) * 60000"#)
        XCTAssertEqual(e.references.map(\.name), ["job", "instance", "__rate_interval", "__interval_ms"])
        XCTAssertEqual(GrafanaQueryExpansion("sum(x[[[var]]])").expanded, "sum(x[5m])")
        XCTAssertEqual(GrafanaQueryExpansion("x[$window]").expanded, "x[5m]")
        XCTAssertEqual(GrafanaQueryExpansion("x > $t", intervalVariables: ["t"]).expanded, "x > 5m")
    }

    func testOffsetsMapBackToTheOriginal() {
        let e = GrafanaQueryExpansion("$__range_s + foo(")
        // "3600 + foo(" : offset of "foo" is 7 in the expansion, 13 in the original.
        XCTAssertEqual(e.originalOffset(7), 13)
        XCTAssertEqual(e.originalOffset(2), 0)
    }
}
