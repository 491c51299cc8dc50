import XCTest
import Exposition
import PromModel
import Storage
@testable import Runtime

final class ExpositionBackfillTests: XCTestCase {
    func testLoadsOpenMetricsIntoStorage() throws {
        let storage = MemoryStorage()
        let summary = try OpenMetricsBackfill.load("""
            # HELP http_requests Requests.
            # TYPE http_requests counter
            http_requests_total{code="200"} 1021 1565133713.989
            http_requests_total{code="200"} 1022 1565133714.989
            http_requests_total{code="400"} 1 1565133713.990
            # TYPE temp gauge
            temp 21.5 1565133700
            # EOF

            """, file: "data.om", into: storage)
        XCTAssertEqual(summary.series, 3)
        XCTAssertEqual(summary.samples, 4)
        XCTAssertEqual(summary.minTime, 1_565_133_700_000)
        XCTAssertEqual(summary.maxTime, 1_565_133_714_989)
        let set = try storage.select([try LabelMatcher(.equal, "__name__", "http_requests_total")], mint: 0, maxt: .max)
        XCTAssertEqual(set.map { $0.labels["code"] }, ["200", "400"])
        XCTAssertEqual(set[0].samples, [Sample(t: 1_565_133_713_989, v: 1021), Sample(t: 1_565_133_714_989, v: 1022)])
    }

    func testMissingTimestampAndParseErrorsLeaveStorageUntouched() {
        let storage = MemoryStorage()
        XCTAssertThrowsError(try OpenMetricsBackfill.load("a 1 10\nb 2\n# EOF\n", file: "d", into: storage)) {
            let e = $0 as? ExpositionError
            XCTAssertEqual(e?.code, "exposition/missing-timestamp")
            XCTAssertEqual(e?.location.line, 2)
        }
        XCTAssertThrowsError(try OpenMetricsBackfill.load("a 1 10\n", file: "d", into: storage)) {
            XCTAssertEqual(($0 as? ExpositionError)?.code, "exposition/missing-eof")
        }
        XCTAssertEqual(storage.stats().sampleCount, 0)
    }

    func testStorageRejectionsCarryTheLine() {
        let storage = MemoryStorage(limits: StorageLimits(maxSeries: 1))
        XCTAssertThrowsError(try OpenMetricsBackfill.load("a 1 10\nb 1 10\n# EOF\n", file: "d", into: storage)) {
            let e = $0 as? ExpositionError
            XCTAssertEqual(e?.code, "exposition/storage-rejected")
            XCTAssertEqual(e?.location.line, 2)
        }
    }
}
