import XCTest
import Diagnostics
import PromModel
@testable import Exposition

/// `ExpositionParser.parse(_:eachSample:)`: samples one by one with their series number, and the
/// same checks and errors as the family-collecting parse.
final class ExpositionSampleStreamTests: XCTestCase {
    private func stream(_ format: ExpositionFormat, _ text: String) throws -> [(MetricSample, Int)] {
        var out: [(MetricSample, Int)] = []
        try ExpositionParser(format: format, file: "s").parse(text, eachSample: { out.append(($0, $1)) })
        return out
    }

    func testSeriesNumbersFollowFirstAppearanceAcrossFamilies() throws {
        let samples = try stream(.openMetrics, """
            # TYPE a gauge
            a{x="1"} 1 10
            a{x="2"} 2 10
            a{x="1"} 3 11
            # TYPE b gauge
            b 4 10
            b 5 11
            a_other{x="2"} 6 12
            # EOF
            """)
        XCTAssertEqual(samples.map(\.1), [0, 1, 0, 2, 2, 3])
        XCTAssertEqual(samples.map(\.0.value), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(samples.map(\.0.line), [2, 3, 4, 6, 7, 8])
    }

    func testStreamingGivesTheSameSamplesAsFamilies() throws {
        let text = """
            # TYPE h histogram
            h_bucket{le="1"} 1
            h_bucket{le="+Inf"} 2
            h_count 2
            h_sum 0.5
            c{b="2",a="1"} 3
            c{a="1",b="3"} 4

            """
        let families = try ExpositionParser(format: .prometheusText).parse(text)
        XCTAssertEqual(try stream(.prometheusText, text).map(\.0), families.flatMap(\.samples))
    }

    func testStreamingReportsTheSameErrors() {
        for (format, text) in [(ExpositionFormat.openMetrics, "a 1 2\na 1 1\n# EOF"),
                               (.openMetrics, "a 1 2\na 1 2\n# EOF"),
                               (.prometheusText, "a 1\n# TYPE a gauge"),
                               (.prometheusText, "a{x=\"1\"} 1\nb 1\na{x=\"2\"} 2")] {
            var families: ExpositionError?
            var streamed: ExpositionError?
            XCTAssertThrowsError(try ExpositionParser(format: format, file: "s").parse(text)) { families = $0 as? ExpositionError }
            XCTAssertThrowsError(try stream(format, text)) { streamed = $0 as? ExpositionError }
            XCTAssertEqual(streamed?.code, families?.code, text)
            XCTAssertEqual(streamed?.location, families?.location, text)
            XCTAssertEqual(streamed?.notes.map(\.location), families?.notes.map(\.location), text)
        }
    }
}
