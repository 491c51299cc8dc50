import GoCompat
import Foundation
import PromModel
import XCTest
@testable import Runtime

/// The API's number, time and JSON formatting, checked against Go's outputs.
final class PrometheusAPIFormatTests: XCTestCase {
    func testTimeParsing() {
        XCTAssertEqual(APITime.parse("1700000000.5"), 1_700_000_000_500)
        XCTAssertEqual(APITime.parse("-1.5"), -1_500)
        XCTAssertEqual(APITime.parse("1.0005"), 1_000)
        XCTAssertEqual(APITime.parse("2023-11-14T22:13:20Z"), 1_700_000_000_000)
        XCTAssertEqual(APITime.parse("2023-11-14T22:13:20.123456789Z"), 1_700_000_000_123)
        XCTAssertEqual(APITime.parse("2023-11-14T23:13:20.25+01:00"), 1_700_000_000_250)
        XCTAssertEqual(APITime.parse("2023-11-14T21:13:20-01:00"), 1_700_000_000_000)
        XCTAssertEqual(APITime.parse("1960-02-29T00:00:00Z"), -310_521_600_000)
        XCTAssertEqual(APITime.parse(APITime.minTimeText), APITime.minTime)
        XCTAssertEqual(APITime.parse(APITime.maxTimeText), APITime.maxTime)
        for bad in ["", "now", "NaN", "+Inf", "1e16", "2023-11-14", "2023-11-14T22:13:20", "2023-11-14T22:13:60Z",
                    "2023-02-29T00:00:00Z", "2023-11-14T22:13:20.Z", "2023-11-14T22:13:20.1234567890Z",
                    "2023-11-14T22:13:20+1:00", "2023-11-14T22:13:20Zjunk"] {
            XCTAssertNil(APITime.parse(bad), bad)
        }
    }

    func testTimeFormatting() {
        XCTAssertEqual(APITime.format(milliseconds: 0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(APITime.format(milliseconds: 1_700_000_000_120), "2023-11-14T22:13:20.12Z")
        XCTAssertEqual(APITime.format(milliseconds: -1), "1969-12-31T23:59:59.999Z")
        XCTAssertEqual(APITime.format(Date(timeIntervalSince1970: 1.25)), "1970-01-01T00:00:01.25Z")
    }

    func testGoFloatFormats() {
        XCTAssertEqual(GoFloatFormat.e(1), "1e+00")
        XCTAssertEqual(GoFloatFormat.e(42.5), "4.25e+01")
        XCTAssertEqual(GoFloatFormat.e(-0.00015), "-1.5e-04")
        XCTAssertEqual(GoFloatFormat.e(1e100), "1e+100")
        XCTAssertEqual(GoFloatFormat.e(0), "0e+00")
        XCTAssertEqual(GoFloatFormat.e(.nan), "NaN")
        XCTAssertEqual(GoFloatFormat.g(123456), "123456")
        XCTAssertEqual(GoFloatFormat.g(1_234_567), "1.234567e+06")
        XCTAssertEqual(GoFloatFormat.g(0.0001), "0.0001")
        XCTAssertEqual(GoFloatFormat.g(0.00001), "1e-05")
        XCTAssertEqual(GoFloatFormat.g(-2.5), "-2.5")
        XCTAssertEqual(GoFloatFormat.g(-.infinity), "-Inf")
        XCTAssertEqual(GoFloatFormat.json(0.012), "0.012")
        XCTAssertEqual(GoFloatFormat.json(1e-7), "1e-7")
        XCTAssertEqual(GoFloatFormat.json(1e21), "1e+21")
        XCTAssertEqual(GoFloatFormat.json(.nan), "0")
    }

    func testQueryValuesAsPrometheusWritesThem() {
        XCTAssertEqual(QueryResultJSON.value(1), "1")
        XCTAssertEqual(QueryResultJSON.value(0.1 + 0.2), "0.30000000000000004")
        XCTAssertEqual(QueryResultJSON.value(1e-5), "0.00001")
        XCTAssertEqual(QueryResultJSON.value(1.5e-7), "1.5e-07")
        XCTAssertEqual(QueryResultJSON.value(1e21), "1e+21")
        XCTAssertEqual(QueryResultJSON.value(123_456_789_012), "123456789012")
        XCTAssertEqual(QueryResultJSON.value(.infinity), "+Inf")
        XCTAssertEqual(QueryResultJSON.timestamp(-1_500), "-1.500")
        XCTAssertEqual(QueryResultJSON.error(type: "bad_data", message: "a \"b\""),
                       #"{"status":"error","errorType":"bad_data","error":"a \"b\""}"#)
    }
}
