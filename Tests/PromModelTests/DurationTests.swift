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

    func testPrintsCanonically() {
        XCTAssertEqual(Duration(milliseconds: 90_000).description, "1m30s")
        XCTAssertEqual(Duration(milliseconds: 86_400_000).description, "1d")
        XCTAssertEqual(Duration(milliseconds: 0).description, "0s")
        XCTAssertEqual(Duration(milliseconds: 1_500).description, "1s500ms")
    }
}
