import Diagnostics
import PromQL
import XCTest

final class HistogramBaseNameHintTests: XCTestCase {
    private func hint(_ query: String, _ names: Set<String>, _ language: Language = .en) throws -> String? {
        HistogramBaseNameHint.hint(for: try Parser().parseExpr(query), metricNames: names, language: language)
    }

    private let histogram: Set<String> = ["x_seconds_bucket", "x_seconds_sum", "x_seconds_count", "up"]

    func testHistogramBaseNameNamesTheSeriesToUse() throws {
        let text = try XCTUnwrap(try hint("avg by (method) (x_seconds)", histogram))
        XCTAssertTrue(text.hasPrefix("hint: x_seconds is a histogram"), text)
        XCTAssertTrue(text.contains("rate(x_seconds_sum[5m]) / rate(x_seconds_count[5m])"), text)
        XCTAssertTrue(text.contains("histogram_quantile(0.95, sum by (le) (rate(x_seconds_bucket[5m])))"), text)
        let es = try XCTUnwrap(try hint("rate(x_seconds[5m])", histogram, .es))
        XCTAssertTrue(es.hasPrefix("pista: x_seconds es un histograma"), es)
    }

    func testSummaryAndNoHint() throws {
        let summary = try XCTUnwrap(try hint("x", ["x_sum", "x_count"]))
        XCTAssertTrue(summary.contains("x_sum and x_count (a summary or a histogram)"), summary)
        XCTAssertNil(try hint("up", histogram), "the name exists")
        XCTAssertNil(try hint("nothing_here", histogram), "no histogram of that name")
        XCTAssertNil(try hint("x", ["x_sum"]), "one suffix alone is not a histogram")
        XCTAssertNil(try hint("x_seconds", histogram.union(["x_seconds"])), "a series named after the base exists")
    }
}
