import XCTest
@testable import ConfigModel

/// Minified dashboards (every panel on one line) are checked in time linear in their size.
final class GrafanaMinifiedDashboardTests: XCTestCase {
    func testManyTargetsOnOneLineKeepTheirColumns() throws {
        let panel = #"{"id":1,"type":"timeseries","title":"p","gridPos":{"x":0,"y":0,"w":1,"h":1},"targets":[{"refId":"A","expr":"up"}]}"#
        let bad = #"{"id":2,"type":"timeseries","title":"q","gridPos":{"x":0,"y":0,"w":1,"h":1},"targets":[{"refId":"A","expr":"sum(up) by by"}]}"#
        let panels = Array(repeating: panel, count: 4_000) + [bad]
        let json = #"{"title":"t","uid":"u","panels":["# + panels.joined(separator: ",") + "]}"
        let start = Date()
        let (_, diagnostics) = GrafanaDashboard.load(text: json, file: "d.json").parts
        // Quadratic rescanning of the line (one scan per target) takes minutes here.
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
        let error = try XCTUnwrap(diagnostics.first { $0.code == GrafanaDiagnosticCode.invalidExpr })
        let column = try XCTUnwrap(error.location?.column)
        let rest = String(json.unicodeScalars.dropFirst(column - 1))
        XCTAssertTrue(rest.hasPrefix("by\"}"), "\(error): \(rest.prefix(20))")
    }

    func testScalarsInitMatchesLineInit() throws {
        let line: Substring = #"x "a\"b" y"#
        let scalars = JSONStringColumns.scalars(of: line)
        XCTAssertEqual(JSONStringColumns(scalars: scalars, column: 3), JSONStringColumns(line: line, column: 3))
        XCTAssertEqual(JSONStringColumns(scalars: scalars, column: 3)?.decodedCount, 3)
        XCTAssertNil(JSONStringColumns(scalars: scalars, column: 0))
    }
}
