import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Grading

final class HTMLReportTests: XCTestCase {
    func testSelfContained() {
        let html = HTMLReport(language: .en).render(ReportFixture.report(.en))
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(html.contains("<style>"))
        for external in ["<script", "<link", "src=", "href=", "url(", "@import", "http://", "https://"] {
            XCTAssertFalse(html.contains(external), "the report must not load anything: found \(external)")
        }
    }

    func testTextIsEscaped() {
        let html = HTMLReport(language: .en).render(ReportFixture.report(.en))
        XCTAssertTrue(html.contains("Error ratio | 5xx &lt;b&gt;"), html)
        XCTAssertTrue(html.contains("&gt; 0 &amp;&amp; &quot;&lt;script&gt;&quot;"), html)
        XCTAssertTrue(html.contains("<title>Lab 2 — &quot;basic&quot; PromQL (lab2) — 20.5/38</title>"), html)
        XCTAssertFalse(html.contains("<b>"))
    }

    func testHiddenFeedbackOnlyWithShowHidden() {
        XCTAssertFalse(HTMLReport(language: .en).render(ReportFixture.report(.en)).contains("SECRET"))
        XCTAssertTrue(HTMLReport(language: .en, showHidden: true).render(ReportFixture.report(.en)).contains("SECRET"))
    }

    func testChartsAreWellFormedSVGWithOneLinePerSeries() throws {
        let html = HTMLReport(language: .en).render(ReportFixture.report(.en))
        let svgs = Self.fragments(html, from: "<svg", to: "</svg>")
        XCTAssertEqual(svgs.count, 3, "one chart per check with ChartData")
        // Passed check: two reference series and the same two of the student; failed: two and one; empty: none.
        let expectedLines = [4, 3, 0]
        for (svg, lines) in zip(svgs, expectedLines) {
            let doc = try XMLDocument(data: Data(svg.utf8), options: [])
            XCTAssertEqual(doc.rootElement()?.name, "svg")
            let polylines = try doc.nodes(forXPath: "//polyline").compactMap { $0 as? XMLElement }
            XCTAssertEqual(polylines.count, lines, svg)
            let dashed = polylines.filter { $0.attribute(forName: "stroke-dasharray") != nil }
            XCTAssertEqual(dashed.count, lines == 0 ? 0 : 2, "the reference's lines are dashed")
            for line in polylines {
                let points = line.attribute(forName: "points")?.stringValue?.split(separator: " ") ?? []
                XCTAssertEqual(points.count, 11)
            }
        }
        XCTAssertTrue(svgs[2].contains("no data on the scenario"))
        // Same labels, same colour; the failing answer's `{}` series gets a colour of its own.
        func strokes(_ svg: String) throws -> [String] {
            try XMLDocument(data: Data(svg.utf8), options: []).nodes(forXPath: "//polyline")
                .compactMap { ($0 as? XMLElement)?.attribute(forName: "stroke")?.stringValue }
        }
        let matching = try strokes(svgs[0]), failing = try strokes(svgs[1])
        XCTAssertEqual(Array(matching.prefix(2)), Array(matching.suffix(2)))
        XCTAssertEqual(Set(failing).count, 3, "\(failing)")
        // The passing check's chart is folded away; the failing one is open with its feedback.
        XCTAssertTrue(html.contains("<details class=\"check passed\">"))
        XCTAssertTrue(html.contains("<div class=\"check failed\">"))
    }

    func testChartScalesAndTicks() {
        XCTAssertEqual(SVGChart.niceStep(0.37), 0.5)
        XCTAssertEqual(SVGChart.niceStep(3), 5)
        XCTAssertEqual(SVGChart.niceStep(0), 1)
        XCTAssertEqual(SVGChart.timeStep(100), 120)
        XCTAssertEqual(SVGChart.duration(90), "1m30s")
        XCTAssertEqual(SVGChart.duration(3600), "1h")
        XCTAssertEqual(SVGChart.duration(.infinity), "infs")
        XCTAssertEqual(SVGChart.value(0.25), "0.25")
        XCTAssertEqual(SVGChart.value(4), "4")
    }

    func testChartOfExtremeValuesStaysFinite() throws {
        let line = ChartData.Line(label: "{a=\"<&>\"}", points: [.init(time: 0, value: -1e300), .init(time: 1e9, value: 1e300)])
        let svg = SVGChart(data: ChartData(scenario: "s", expected: [line], actual: [line]), language: .en).render()
        XCTAssertFalse(svg.contains("nan") || svg.contains("inf"), svg)
        XCTAssertNoThrow(try XMLDocument(data: Data(svg.utf8), options: []))
    }

    func testSpanish() {
        let html = HTMLReport(language: .es).render(ReportFixture.report(.es))
        XCTAssertTrue(html.contains("<html lang=\"es\">"))
        XCTAssertTrue(html.contains("Tu consulta (continua) frente a la referencia (discontinua)"))
        XCTAssertTrue(html.contains("1 comprobación (10 puntos) a calificar por el docente."))
    }

    /// The substrings of `text` from each `start` to the following `end`, inclusive.
    static func fragments(_ text: String, from start: String, to end: String) -> [String] {
        var out: [String] = []
        var rest = text[...]
        while let s = rest.range(of: start), let e = rest[s.upperBound...].range(of: end) {
            out.append(String(rest[s.lowerBound..<e.upperBound]))
            rest = rest[e.upperBound...]
        }
        return out
    }
}

extension HTMLReportTests {
    func testChartCoordinatesHaveOneDecimal() {
        let chart = SVGChart(data: ChartData(scenario: "s", expected: [], actual: []), language: .en)
        XCTAssertEqual(chart.f(12.34), "12.3")
        XCTAssertEqual(chart.f(-0.46), "-0.5")
        XCTAssertEqual(chart.f(-0.04), "0.0")
        XCTAssertEqual(chart.f(7), "7.0")
        XCTAssertEqual(chart.f(.nan), "0.0")
    }
}

extension HTMLReportTests {
    func testLongLinesAreThinnedAndHiddenChecksMarkedWhenShown() throws {
        let points = (0..<5000).map { ChartData.Point(time: Double($0), value: Double($0 % 7)) }
        let thinned = SVGChart.thinned(points)
        XCTAssertLessThanOrEqual(thinned.count, SVGChart.maxPoints + 1)
        XCTAssertEqual(thinned.first, points.first)
        XCTAssertEqual(thinned.last, points.last)
        XCTAssertEqual(SVGChart.thinned(Array(points.prefix(10))).count, 10)
        let shown = HTMLReport(language: .en, showHidden: true).render(ReportFixture.report(.en))
        XCTAssertEqual(shown.components(separatedBy: "<span class=\"hidden\">hidden</span>").count - 1, 3)
        let markdown = MarkdownReport(language: .es, showHidden: true).render(ReportFixture.report(.es))
        XCTAssertTrue(markdown.contains("| alert_rule HighErrorRate _(oculta)_ | 0/5 |"), markdown)
    }
}
