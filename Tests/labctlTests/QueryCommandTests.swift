import Runtime
import XCTest
@testable import labctl

final class QueryCommandTests: XCTestCase {
    func testValuesAreFormattedLikeGo() {
        let table: [(Double, String)] = [
            (1, "1"), (0.5, "0.5"), (-2, "-2"), (1e-5, "0.00001"), (1.5e-7, "0.00000015"), (1e21, "1000000000000000000000"),
            (1.25e22, "12500000000000000000000"), (-3.5e-3, "-0.0035"), (.nan, "NaN"), (.infinity, "+Inf"),
            (-.infinity, "-Inf"), (0, "0"), (123456.789, "123456.789"), (0.1 + 0.2, "0.30000000000000004"),
        ]
        for (value, text) in table {
            XCTAssertEqual(QueryCommand.formatValue(value), text, "\(value)")
        }
    }

    func testTimestamps() {
        XCTAssertEqual(QueryCommand.formatTimestamp(1_435_781_451_781), "1435781451.781")
        XCTAssertEqual(QueryCommand.formatTimestamp(60_000), "60")
        XCTAssertEqual(QueryCommand.formatTimestamp(1_500), "1.500")
        XCTAssertEqual(QueryCommand.formatTimestamp(5), "0.005")
        XCTAssertEqual(QueryCommand.formatTimestamp(-1_500), "-1.500")
        XCTAssertEqual(QueryCommand.parseTime("1700000000.5"), 1_700_000_000_500)
        XCTAssertEqual(QueryCommand.parseTime("5m"), 300_000)
        XCTAssertEqual(QueryCommand.parseTime("2023-11-14T22:13:20Z"), 1_700_000_000_000)
        XCTAssertEqual(QueryCommand.parseTime("2023-11-14T22:13:20.250+00:00"), 1_700_000_000_250)
        XCTAssertNil(QueryCommand.parseTime("yesterday"))
        XCTAssertNil(QueryCommand.parseTime("1e300"))
    }

    func testDataKindDetection() {
        XCTAssertTrue(DataFileLoader.isLoadScript("# data\n\nload 1m\n  x 1\n"))
        XCTAssertTrue(DataFileLoader.isLoadScript("load_with_nhcb 1m\n"))
        XCTAssertFalse(DataFileLoader.isLoadScript("# TYPE x gauge\nx 1 1\n# EOF\n"))
        XCTAssertFalse(DataFileLoader.isLoadScript("loader 1 1\n"))
    }

    func testTableAndJSON() {
        let result = QueryResult(value: .vector([VectorSample(metric: ["__name__": "up", "job": "a\"b"], t: 1_000, f: 1)]),
                                 annotations: [Annotation(severity: .warning, message: "careful", span: .init(start: 0, end: 2)),
                                               Annotation(severity: .info, message: "fyi", span: .init(start: 3, end: 4))])
        XCTAssertEqual(QueryResultJSON.response(result, query: "up + 1"),
                       #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"up","job":"a\"b"},"value":[1,"1"]}]},"warnings":["PromQL warning: careful (1:1)"],"infos":["PromQL info: fyi (1:4)"]}"#)
        XCTAssertEqual(QueryCommand.table(.vector([])), "(empty result)\n")
        XCTAssertEqual(QueryCommand.table(.string(t: 0, s: "hi")), "METRIC  VALUE  TIMESTAMP\nstring  \"hi\"   0\n")
    }
}
