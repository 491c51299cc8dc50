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

    func testJSONStringColumnsFollowEscapes() throws {
        let line: Substring = #"  "expr": "a{j=\"x\"} \u00e9\/b\uD83D\uDE00c", "#
        let columns = try XCTUnwrap(JSONStringColumns(line: line, column: 11))
        // Decoded: a{j="x"} é/b😀c  (é is 2 bytes, 😀 4 bytes)
        let decoded = "a{j=\"x\"} \u{e9}/b\u{1F600}c"
        XCTAssertEqual(columns.decodedCount, decoded.utf8.count)
        XCTAssertEqual(columns.column(ofDecoded: 0), 12)       // a
        XCTAssertEqual(columns.column(ofDecoded: 4), 16)       // \" opening the label value
        XCTAssertEqual(columns.column(ofDecoded: 5), 18)       // x
        XCTAssertEqual(columns.column(ofDecoded: 9), 23)       // \u00e9
        XCTAssertEqual(columns.column(ofDecoded: 10), 23)      // its second byte
        XCTAssertEqual(columns.column(ofDecoded: 11), 29)      // \/
        XCTAssertEqual(columns.column(ofDecoded: 12), 31)      // b
        XCTAssertEqual(columns.column(ofDecoded: 13), 32)      // the surrogate pair
        XCTAssertEqual(columns.column(ofDecoded: 17), 44)      // c
        XCTAssertEqual(columns.column(ofDecoded: 18), 45)      // the closing quote
        XCTAssertEqual(columns.column(ofDecoded: 99), 45)
        XCTAssertNil(JSONStringColumns(line: line, column: 3 + 100))
        XCTAssertNil(JSONStringColumns(line: #""unterminated \"x"#, column: 1))
        XCTAssertNil(JSONStringColumns(line: #""bad \q""#, column: 1))
        XCTAssertNil(JSONStringColumns(line: #""bad \u12""#, column: 1))
    }

    func testDashboardErrorPointsAtTheTokenPastEscapesAndVariables() throws {
        let json = """
        {
          "title": "t", "uid": "u1",
          "templating": {"list": [{"name": "job", "type": "custom"}]},
          "panels": [{"id": 1, "type": "timeseries", "title": "p", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
            "targets": [{"refId": "A", "expr": "sum(rate(x{job=\\"api\\", i=\\"$job\\"}[${__rate_interval}])) by by"}]}]
        }
        """
        let (_, diagnostics) = GrafanaDashboard.load(text: json, file: "d.json").parts
        let error = try XCTUnwrap(diagnostics.first { $0.code == GrafanaDiagnosticCode.invalidExpr })
        let line = json.split(separator: "\n", omittingEmptySubsequences: false)[4]
        let column = try XCTUnwrap(error.location?.column)
        XCTAssertEqual(error.location?.line, 5)
        // The second `by` (the first one opens the grouping and expects `(`).
        let rest = String(line.unicodeScalars.dropFirst(column - 1))
        XCTAssertTrue(rest.hasPrefix("by\"}"), "\(error): \(rest)")
    }
}
