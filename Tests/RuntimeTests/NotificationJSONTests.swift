import XCTest
import PromModel
@testable import Runtime

final class NotificationJSONTests: XCTestCase {
    func testStringsAreEscapedLikeGoEncodingJSON() {
        XCTAssertEqual(NotificationJSON.string("High <error> rate & \"latency\"\n"),
                       #""High \u003cerror\u003e rate \u0026 \"latency\"\n""#)
        XCTAssertEqual(NotificationJSON.string("\u{2028}\u{08}"), #""\u2028\b""#)
    }

    func testLabelObjectsHaveSortedEscapedKeys() {
        let labels: Labels = ["severity": "<page>", "alertname": "Down"]
        XCTAssertEqual(NotificationJSON.object(labels), #"{"alertname":"Down","severity":"\u003cpage\u003e"}"#)
    }
}
