import XCTest
@testable import PromModel

final class DurationTests: XCTestCase {
    func testParsesCompoundDurations() throws {
        XCTAssertEqual(try Duration.parse("1h30m").milliseconds, 5_400_000)
        XCTAssertEqual(try Duration.parse("10s53ms").milliseconds, 10_053)
        XCTAssertEqual(try Duration.parse("1y").milliseconds, 365 * 86_400_000)
        XCTAssertEqual(try Duration.parse("1w").milliseconds, 7 * 86_400_000)
        XCTAssertEqual(try Duration.parse("0").milliseconds, 0)
        XCTAssertEqual(try Duration.parse("5m").milliseconds, 300_000)
        XCTAssertEqual(try Duration.parse("100ms").milliseconds, 100)
    }

    func testRejectsMalformedDurations() {
        for bad in ["", "1", "h", "1m1h", "1s1s", "1x", "-1m", "1.5m", "99999999999999999999y", "1ms1s"] {
            XCTAssertThrowsError(try Duration.parse(bad), bad)
        }
    }

    func testRangeIsPrometheusNanosecondRange() throws {
        // Prometheus keeps durations as int64 nanoseconds: about 292 years at most.
        XCTAssertEqual(try Duration.parse("292y").milliseconds, 292 * 365 * 86_400_000)
        XCTAssertEqual(try Duration.parse("9223372036854ms").milliseconds, 9_223_372_036_854)
        XCTAssertEqual(try Duration.parse("15250w").milliseconds, 15250 * 7 * 86_400_000)
        for bad in ["293y", "106752d", "9223372036855ms", "100000000y", "15251w"] {
            XCTAssertThrowsError(try Duration.parse(bad), bad) { error in
                XCTAssertTrue("\(error)".contains("out of range"), "\(bad): \(error)")
            }
        }
    }

    func testPrintsCanonically() {
        XCTAssertEqual(Duration(milliseconds: 90_000).description, "1m30s")
        XCTAssertEqual(Duration(milliseconds: 86_400_000).description, "1d")
        XCTAssertEqual(Duration(milliseconds: 0).description, "0s")
        XCTAssertEqual(Duration(milliseconds: 1_500).description, "1s500ms")
    }
}
