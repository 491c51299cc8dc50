import GoCompat
import XCTest

final class RFC3339TimeTests: XCTestCase {
    func testParsesUTCOffsetsAndFractions() throws {
        XCTAssertEqual(RFC3339Time.parse("1970-01-01T00:00:00Z"), 0)
        XCTAssertEqual(RFC3339Time.parse("2023-11-14T22:13:20Z"), 1_700_000_000)
        XCTAssertEqual(RFC3339Time.parse("2023-11-15T00:13:20+02:00"), 1_700_000_000)
        XCTAssertEqual(RFC3339Time.parse("2023-11-14T21:13:20-01:00"), 1_700_000_000)
        let nanos = try XCTUnwrap(RFC3339Time.parse("2023-11-14T22:13:20.123456789Z"))
        XCTAssertEqual(nanos, 1_700_000_000.123, accuracy: 1e-6)
        XCTAssertEqual(RFC3339Time.parse("2024-02-29T00:00:00Z"), 1_709_164_800)
        XCTAssertEqual(RFC3339Time.parse("1969-12-31T23:59:59Z"), -1)
    }

    func testRejectsMalformedText() {
        for bad in ["", "2023-11-14", "2023-11-14T22:13:20", "2023-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
                    "2023-11-14T24:00:00Z", "2023-11-14T22:13:20.Z", "2023-11-14T22:13:20.1234567891Z",
                    "2023-11-14T22:13:20+0200", "2023-11-14 22:13:20Z", "2023-11-14T22:13:20Zjunk", "２０２３-11-14T22:13:20Z", "1700000000"] {
            XCTAssertNil(RFC3339Time.parse(bad), bad)
        }
    }

    func testFormatRoundTrips() {
        XCTAssertEqual(RFC3339Time.format(1_700_000_000), "2023-11-14T22:13:20Z")
        XCTAssertEqual(RFC3339Time.format(1_700_000_000.5), "2023-11-14T22:13:20.5Z")
        XCTAssertEqual(RFC3339Time.format(-1), "1969-12-31T23:59:59Z")
        XCTAssertEqual(RFC3339Time.format(.nan), "0001-01-01T00:00:00Z")
        for t in [0.0, 951_782_400, 4_102_444_800.25] {
            XCTAssertEqual(RFC3339Time.parse(RFC3339Time.format(t)), t)
        }
    }
}
